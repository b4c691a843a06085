package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.io.ReferenceBatch;

/**
 * {@code rewire export} and {@code rewire train --init-weights} end to end: an exported sparse MLP
 * imported into a new run gives the exporting run's scores, PyTorch (scripts/torch_check.py, when
 * Debian's python3-torch is installed) computes Rewire's logits from the exported MLP and GPT, and
 * bad options and mismatched weights are errors that name what is wrong.
 */
class ExportCommandTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path TORCH_CHECK = Path.of("..", "scripts", "torch_check.py");

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path trainMlp(String... extra) throws IOException {
        List<String> overrides = new ArrayList<>(List.of("train.epochs=1", "model.hidden=[16]", "data.batchSize=32",
                "sparsity.density=0.3"));
        overrides.addAll(List.of(extra));
        assertEquals(0, cli.run(CliRun.trainOnTinyData(dir, 128, 40, overrides)), cli.err());
        return CliRun.onlyRun(dir.resolve("runs"));
    }

    @Test
    void importedWeightsStartARunWhereTheExportingRunEnded() throws IOException {
        Path run = trainMlp();
        Path weights = dir.resolve("mlp.safetensors");
        assertEquals(0, cli.run("export", run.toString(), "--format", "safetensors", "--out", weights.toString()),
                cli.err());
        assertTrue(cli.out().contains("Wrote " + weights + ": 4 parameters after step 4"), cli.out());
        // a static topology and a learning rate far below float resolution keep the imported weights for an epoch
        assertEquals(0, cli.run("train", "data.dir=" + dir.resolve("data"), "train.runs=" + dir.resolve("imported"),
                "train.epochs=1", "model.hidden=[16]", "data.batchSize=32", "sparsity.recipe=static",
                "sparsity.density=0.3", "optim.lr=1e-30", "optim.weightDecay=0", "--init-weights",
                weights.toString()), cli.err());
        assertTrue(cli.out().contains("Weights    " + weights + " (sparse layers: magnitude)"), cli.out());
        String exported = scores(run);
        assertEquals(exported, scores(CliRun.onlyRun(dir.resolve("imported"))));
    }

    @Test
    void pytorchComputesRewiresLogitsFromTheExportedMlpAndGpt() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && python("-c", "import torch") == 0, "Debian's python3-torch");
        Path mlp = trainMlp();
        check(mlp, "mlp");
        Path text = dir.resolve("tiny.txt");
        Files.writeString(text, "to be or not to be, that is the question.\n".repeat(40));
        assertEquals(0, cli.run("train", Path.of("..", "examples", "gpt-shakespeare.yaml").toString(),
                "data.text=" + text, "train.runs=" + dir.resolve("gpt"), "model.layers=2", "model.heads=2",
                "model.width=8", "model.blockSize=12", "model.sparseAttention=local", "model.sparseAttentionWidth=3",
                "model.sparseAttentionStart=0.0", "model.sparseAttentionEnd=1.0", "data.batchSize=2",
                "data.stepsPerEpoch=4", "data.evalBatches=1", "train.epochs=1", "sparsity.recipe=rigl",
                "sparsity.density=0.5"), cli.err());
        check(CliRun.onlyRun(dir.resolve("gpt")), "gpt");
    }

    @Test
    void badOptionsAndMismatchedWeightsNameWhatIsWrong() throws IOException {
        Path run = trainMlp();
        assertEquals(2, cli.run("export", run.toString(), "--format", "pdf"));
        assertTrue(cli.err().contains("--format must be one of [safetensors, onnx], got 'pdf'"), cli.err());
        assertEquals(2, cli.run("export", run.toString(), "--format", "onnx", "--checkpoint", "999"));
        assertTrue(cli.err().contains("has no checkpoint of step 999; it keeps those of steps [4]"), cli.err());
        Path weights = dir.resolve("mlp.safetensors");
        assertEquals(0, cli.run("export", run.toString(), "--format", "safetensors", "--out", weights.toString()));
        assertEquals(2, cli.run("train", "data.dir=" + dir.resolve("data"), "train.runs=" + dir.resolve("other"),
                "model.hidden=[8]", "--init-weights", weights.toString()));
        assertTrue(cli.err().contains(weights + ": tensor 'fc1.weight' (Rewire's fc1.weight) has shape [16, 784] in "
                + "the file, the model needs [8, 784]"), cli.err());
        assertEquals(2, cli.run("train", "data.dir=" + dir.resolve("data"), "--init-sparse", "largest",
                "--init-weights", weights.toString()));
        assertTrue(cli.err().contains("--init-sparse must be magnitude or pattern, got 'largest'"), cli.err());
    }

    // exports the run's weights with a reference batch and its ONNX graph, and has PyTorch check them
    private void check(Path run, String name) throws Exception {
        Path weights = dir.resolve(name + ".safetensors");
        Path reference = dir.resolve(name + "-reference.safetensors");
        Path onnx = dir.resolve(name + ".onnx");
        assertEquals(0, cli.run("export", run.toString(), "--format", "safetensors", "--out", weights.toString(),
                "--reference", reference.toString(), "--examples", "2"), cli.err());
        assertEquals(0, cli.run("export", run.toString(), "--format", "onnx", "--out", onnx.toString()), cli.err());
        assertEquals(2, ReferenceBatch.read(reference).input().shape()[0]);
        assertEquals(0, python(TORCH_CHECK.toString(), weights.toString(), reference.toString(), "--onnx",
                onnx.toString()), "torch_check.py failed on the " + name + " export");
    }

    private static int python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("python3 " + args[0] + " did not finish");
        }
        return p.exitValue();
    }

    // the score lines of rewire eval on the run's last checkpoint
    private String scores(Path run) {
        CliRun eval = new CliRun();
        assertEquals(0, eval.run("eval", run.toString()), eval.err());
        return eval.out().substring(eval.out().indexOf('\n') + 1);
    }
}
