package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewire sample} on a tiny GPT run whose sparse-attention window lasts to the end of training. */
class SampleCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void samplesFromARunThatEndedWithSparseAttention() throws IOException {
        Path text = dir.resolve("tiny.txt");
        Files.writeString(text, "to be or not to be, that is the question.\n".repeat(40));
        assertEquals(0, cli.run("train", Path.of("..", "examples", "gpt-shakespeare.yaml").toString(),
                "data.text=" + text, "train.runs=" + dir.resolve("runs"), "model.layers=1", "model.heads=1",
                "model.width=8", "model.blockSize=12", "model.sparseAttention=local", "model.sparseAttentionWidth=3",
                "model.sparseAttentionStart=0.0", "model.sparseAttentionEnd=1.0", "data.batchSize=2",
                "data.stepsPerEpoch=4", "data.evalBatches=1", "train.epochs=1", "train.evalEvery=4"), cli.err());
        Path folder = CliRun.onlyRun(dir.resolve("runs"));
        // a prompt longer than the window and contexts up to the block size go through the sparse mask
        assertEquals(0, cli.run("sample", folder.toString(), "--prompt", "to be or not", "--tokens", "20", "--seed", "2"),
                cli.err());
        String sampled = cli.out();
        assertTrue(sampled.contains("to be or not"), sampled);
    }
}
