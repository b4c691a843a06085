package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.models.JavaExample;

/**
 * The worked example of docs/data.md (examples/java/OwnData.java: a dataset built from arrays,
 * batched and learned) is in the page word for word, compiles, runs and learns its rings.
 */
class OwnDataExampleTest {
    private static final JavaExample PROGRAM = new JavaExample(Path.of("../examples/java/OwnData.java"));

    @TempDir
    Path dir;

    @Test
    void theDataPageShowsTheProgramVerbatim() throws Exception {
        PROGRAM.assertShownIn(Path.of("../docs/data.md"));
    }

    @Test
    void theProgramBatchesAndLearnsItsArrays() throws Exception {
        String output = PROGRAM.run(dir);
        Matcher m = Pattern.compile("(?s)30 batches per epoch; x \\(2, 30\\), example \\d+ has label [012]\\R"
                + "test accuracy (\\d+\\.\\d\\d)%\\R?").matcher(output);
        assertTrue(m.matches(), output);
        assertTrue(Double.parseDouble(m.group(1)) > 90, "three rings are easy to tell apart: " + output);
    }
}
