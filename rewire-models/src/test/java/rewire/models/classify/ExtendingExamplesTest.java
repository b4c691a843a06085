package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.data.IdxFiles;
import rewire.models.JavaExample;

/**
 * The three programs of docs/extending.md (a pruning criterion, a two-model workload, a
 * distributed backend) are on the page word for word, compile against the library, and run.
 */
class ExtendingExamplesTest {
    private static final Path PAGE = Path.of("../docs/extending.md");
    private static final Path FOLDER = Path.of("../examples/java/extending");

    @TempDir
    Path dir;

    private Path data() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeFashionMnistLike(data, 384, 64);
        return data;
    }

    @Test
    void aNewPruningCriterionJoinsSetsRecipe() throws Exception {
        JavaExample program = new JavaExample(FOLDER.resolve("RowRelativeMagnitude.java"));
        program.assertShownIn(PAGE);
        String out = program.run(dir, data().toString());
        assertTrue(out.matches("(?s)set\\+row-relative: test accuracy \\d+\\.\\d\\d%, density 0\\.\\d+\\R?"), out);
    }

    @Test
    void aTwoModelWorkloadTrainsBothInTurn() throws Exception {
        JavaExample program = new JavaExample(FOLDER.resolve("TwoPlayers.java"));
        program.assertShownIn(PAGE);
        String out = program.run(dir);
        String[] losses = out.replaceAll("(?s)held-out loss ([0-9.]+) -> ([0-9.]+);.*", "$1 $2").strip().split(" ");
        assertTrue(Double.parseDouble(losses[1]) < Double.parseDouble(losses[0]) - 0.2, "the two players learn: " + out);
        assertTrue(out.contains("head density 0.50"), "RigL keeps the head at half density: " + out);
    }

    @Test
    void aNewBackendRunsTheShardsRounds() throws Exception {
        JavaExample program = new JavaExample(FOLDER.resolve("SequentialShards.java"));
        program.assertShownIn(PAGE);
        String out = program.run(dir, data().toString());
        assertTrue(out.matches("(?s)2 shards, RigL on the driver: test accuracy \\d+\\.\\d\\d%\\R?"), out);
    }
}
