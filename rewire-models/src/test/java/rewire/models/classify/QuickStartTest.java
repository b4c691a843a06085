package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.data.IdxFiles;
import rewire.models.JavaExample;

/**
 * The Java program of the README (examples/java/QuickStart.java) is in the README word for word,
 * compiles against the library, and runs: so it never goes stale.
 */
class QuickStartTest {
    private static final JavaExample PROGRAM = new JavaExample(Path.of("../examples/java/QuickStart.java"));

    @TempDir
    Path dir;

    @Test
    void theReadmeShowsTheProgramVerbatim() throws Exception {
        PROGRAM.assertShownIn(Path.of("../README.md"));
    }

    @Test
    void theProgramCompilesAndTrains() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeFashionMnistLike(data, 384, 64);
        String output = PROGRAM.run(dir, data.toString());
        assertTrue(output.matches("(?s)RigL at 90% sparsity: test accuracy \\d+\\.\\d\\d%\\R?"), output);
    }
}
