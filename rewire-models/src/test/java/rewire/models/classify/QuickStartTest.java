package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.data.IdxFiles;

/**
 * The Java program of the README (examples/java/QuickStart.java) is in the README word for word,
 * compiles against the library, and runs: so it never goes stale.
 */
class QuickStartTest {
    private static final Path PROGRAM = Path.of("../examples/java/QuickStart.java");

    @TempDir
    Path dir;

    @Test
    void theReadmeShowsTheProgramVerbatim() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String program = Files.readString(PROGRAM);
        assertTrue(readme.contains(program.strip()), "README.md must contain examples/java/QuickStart.java verbatim");
    }

    @Test
    void theProgramCompilesAndTrains() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK with javac");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                PROGRAM.toString());
        assertEquals(0, status, "QuickStart.java does not compile");

        Path data = Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeFashionMnistLike(data, 384, 64);
        String output = runMain(classes, data);
        assertTrue(output.matches("(?s)RigL at 90% sparsity: test accuracy \\d+\\.\\d\\d%\\R?"), output);
    }

    private static String runMain(Path classes, Path data) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                QuickStartTest.class.getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("QuickStart").getMethod("main", String[].class)
                    .invoke(null, (Object) List.of(data.toString()).toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
