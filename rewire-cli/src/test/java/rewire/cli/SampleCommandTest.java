package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rewire sample} on a tiny GPT run whose sparse-attention window lasts to the end of training. */
class SampleCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void samplesFromARunThatEndedWithSparseAttention() throws IOException {
        Path text = dir.resolve("tiny.txt");
        Files.writeString(text, "to be or not to be, that is the question.\n".repeat(40));
        assertEquals(0, run("train", Path.of("..", "examples", "gpt-shakespeare.yaml").toString(),
                "data.text=" + text, "train.runs=" + dir.resolve("runs"), "model.layers=1", "model.heads=1",
                "model.width=8", "model.blockSize=12", "model.sparseAttention=local", "model.sparseAttentionWidth=3",
                "model.sparseAttentionStart=0.0", "model.sparseAttentionEnd=1.0", "data.batchSize=2",
                "data.stepsPerEpoch=4", "data.evalBatches=1", "train.epochs=1", "train.evalEvery=4"), err.toString());
        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), all.toString());
            folder = all.get(0);
        }
        // a prompt longer than the window and contexts up to the block size go through the sparse mask
        assertEquals(0, run("sample", folder.toString(), "--prompt", "to be or not", "--tokens", "20", "--seed", "2"),
                err.toString());
        String sampled = out.toString();
        assertTrue(sampled.contains("to be or not"), sampled);
    }
}
