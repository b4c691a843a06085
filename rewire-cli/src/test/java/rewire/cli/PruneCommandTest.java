package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.io.Checkpoint;
import rewire.io.Json;
import rewire.sparse.SparsityPattern;

/**
 * {@code rewire prune} on a tiny mixture-of-experts GPT trained dense: the pruned folder is a run
 * that eval, sample, resume (the mask fixed) and report read, every block layer CSR at 2:4.
 */
class PruneCommandTest {
    @TempDir
    static Path dir;
    private static Path trained;

    @BeforeAll
    static void train() throws IOException {
        Path text = dir.resolve("tiny.txt");
        Files.writeString(text, "to be or not to be, that is the question.\n".repeat(40));
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("train", Path.of("..", "examples", "gpt-shakespeare.yaml").toString(),
                "data.text=" + text, "train.runs=" + dir.resolve("runs"), "name=tiny", "model.layers=2",
                "model.heads=1", "model.width=8", "model.blockSize=12", "model.moe.experts=3", "model.moe.topK=2",
                "data.batchSize=2", "data.stepsPerEpoch=4", "data.evalBatches=1", "train.epochs=1",
                "train.evalEvery=4"), cli.err());
        trained = CliRun.onlyRun(dir.resolve("runs"));
    }

    private static Path prunedFolder(String prefix) throws IOException {
        try (Stream<Path> all = Files.list(dir.resolve("runs"))) {
            return all.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    void moePrunerAtTwoOfFourWritesASparseRunThatTheOtherCommandsRead() throws IOException {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("prune", trained.toString(), "--method", "moe-pruner", "--nm", "2:4",
                "--calibration", "4", "train.evalEvery=2"), cli.err());
        assertTrue(cli.out().contains("h1.moe.e2.proj.weight"), cli.out());
        Path pruned = prunedFolder("tiny-moe-pruner-2-4");
        Map<?, ?> record = (Map<?, ?>) Json.parse(Files.readString(pruned.resolve("prune.json")));
        assertEquals("2:4", record.get("target"));
        assertEquals(0.5, ((Number) record.get("density")).doubleValue(), 1e-12);
        assertEquals(2 * (2 + 2 * 3), ((List<?>) record.get("layers")).size());
        SparsityPattern before = twoOfFour(pruned, "h0.moe.e1.fc.weight");
        assertEquals(0, cli.run("eval", pruned.toString()), cli.err());
        assertTrue(cli.out().contains("after step 0"), cli.out());
        assertEquals(0, cli.run("sample", pruned.toString(), "--prompt", "to be", "--tokens", "5"), cli.err());
        assertEquals(0, cli.run("resume", pruned.toString()), cli.err());
        assertEquals(before, twoOfFour(pruned, "h0.moe.e1.fc.weight"), "fine-tuning keeps the mask");
        assertEquals(0, cli.run("report", pruned.toString()), cli.err());
    }

    // the pattern of `name` in the folder's last checkpoint, checked to keep 2 of every 4 inputs of each row
    private static SparsityPattern twoOfFour(Path run, String name) throws IOException {
        SparsityPattern p = pattern(last(run), name);
        for (int r = 0; r < p.rows(); r++) {
            for (int g = 0; g < p.cols(); g += 4) {
                int kept = 0;
                for (int col = g; col < g + 4; col++) {
                    kept += p.contains(r, col) ? 1 : 0;
                }
                assertEquals(2, kept, name + " row " + r + " group " + g);
            }
        }
        return p;
    }

    @Test
    void distillTrainsAPrunedModelAgainstTheRunItCameFrom() throws IOException {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("prune", trained.toString(), "--method", "wanda", "--sparsity", "0.5",
                "--calibration", "2", "name=to-distill"), cli.err());
        Path pruned = prunedFolder("to-distill");
        assertEquals(0, cli.run("distill", pruned.toString(), "train.evalEvery=4"), cli.err());
        Path distilled = prunedFolder("to-distill-distill");
        assertTrue(Files.readString(distilled.resolve("config.yaml")).contains(trained.getFileName().toString()),
                "the teacher is the pruned run's source");
        assertTrue(Files.readString(distilled.resolve("metrics.jsonl")).contains("\"expertMse\""));
        assertEquals(0, cli.run("sample", distilled.toString(), "--prompt", "to", "--tokens", "3"), cli.err());
    }

    @Test
    void aSoupIsTheMeanOfItsIngredientsOnThePrunedMaskAndAFurtherPhasePrunesItByMagnitude() throws IOException {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("prune", trained.toString(), "--method", "magnitude", "--sparsity", "0.5",
                "name=to-cook"), cli.err());
        Path pruned = prunedFolder("to-cook-2");
        assertEquals(0, cli.run("soup", pruned.toString(), "--ingredients", "2", "--then", "0.75"), cli.err());
        String name = "h1.moe.e0.fc.weight";
        Checkpoint soup = last(prunedFolder("to-cook-soup1-2"));
        Checkpoint a = last(prunedFolder("to-cook-soup1-ingredient0"));
        Checkpoint b = last(prunedFolder("to-cook-soup1-ingredient1"));
        assertEquals(pattern(last(pruned), name), pattern(soup, name), "the soup keeps the pruned mask");
        float[] mean = soup.floats("param/" + name + "/values");
        for (int e = 0; e < mean.length; e++) {
            assertEquals((a.floats("param/" + name + "/values")[e] + b.floats("param/" + name + "/values")[e]) / 2,
                    mean[e], 1e-6);
        }
        SparsityPattern further = pattern(last(prunedFolder("to-cook-soup2-2")), name);
        assertEquals(0.25, further.density(), 1e-9);
        assertTrue(cli.out().contains("soup") && cli.out().contains("75%"), cli.out());
        assertTrue(Files.isRegularFile(prunedFolder("to-cook-soup2-2").resolve("soup.json")));
    }

    private static Checkpoint last(Path run) throws IOException {
        return Checkpoint.read(run.resolve("checkpoints/last.ckpt"));
    }

    private static SparsityPattern pattern(Checkpoint c, String name) {
        int[] shape = c.ints("param/" + name + "/shape");
        return SparsityPattern.of(shape[0], shape[1], c.ints("param/" + name + "/rowPtr"),
                c.ints("param/" + name + "/colIdx"));
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("prune", trained.toString(), "--method", "sparsegpt", "--dsnot"));
        assertTrue(cli.err().contains("--dsnot refines"), cli.err());
        assertEquals(2, cli.run("prune", trained.toString(), "--method", "obs"));
        assertTrue(cli.err().contains("'obs' is not a pruning method"), cli.err());
        assertEquals(2, cli.run("prune", trained.toString(), "--method", "wanda", "--nm", "3:5"));
        assertTrue(cli.err().contains("not a multiple of 5"), cli.err());
    }
}
