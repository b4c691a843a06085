package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewire eval RUN key=value}: a GPT run scored on its whole validation split or another sample. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void evaluationSettingsMayChangeAndNothingElse() throws IOException {
        Path text = dir.resolve("tiny.txt");
        Files.writeString(text, "to be or not to be, that is the question.\n".repeat(40));  // 1680 characters
        assertEquals(0, cli.run("train", Path.of("..", "examples", "gpt-shakespeare.yaml").toString(),
                "data.text=" + text, "train.runs=" + dir.resolve("runs"), "model.layers=1", "model.heads=1",
                "model.width=8", "model.blockSize=12", "data.batchSize=2", "data.stepsPerEpoch=4",
                "data.evalBatches=1", "train.epochs=1"), cli.err());
        Path run = CliRun.onlyRun(dir.resolve("runs"));
        String config = Files.readString(run.resolve("config.yaml"));

        assertEquals(0, cli.run("eval", run.toString(), "data.evalBlocks=all"), cli.err());
        // the last 168 characters validate: (168 - 1) / 12 = 13 blocks of 12 targets
        assertTrue(cli.out().contains("(val split, 156 evaluated)"), cli.out());
        assertEquals(0, cli.run("eval", run.toString(), "data.evalBatches=5"), cli.err());
        assertTrue(cli.out().contains("(val split, 120 evaluated)"), cli.out());
        assertEquals(config, Files.readString(run.resolve("config.yaml")), "config.yaml is left as it was");

        assertEquals(2, cli.run("eval", run.toString(), "optim.lr=0.1"));
        assertTrue(cli.err().contains("rewire eval: optim.lr is not an evaluation setting"), cli.err());
    }
}
