package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train, eval, resume and recipes commands end to end on a tiny Fashion-MNIST-shaped dataset. */
class TrainCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private String[] train(String... extra) throws IOException {
        List<String> overrides = new ArrayList<>(List.of("train.epochs=2", "model.hidden=[32]", "data.batchSize=32",
                "sparsity.options=[deltaT=4]"));
        overrides.addAll(List.of(extra));
        return CliRun.trainOnTinyData(dir, 256, 64, overrides);
    }

    private Path onlyRun() throws IOException {
        return CliRun.onlyRun(dir.resolve("runs"));
    }

    @Test
    void trainsAndLeavesARunFolderWithItsReport() throws IOException {
        assertEquals(0, cli.run(train()), cli.err());
        Path folder = onlyRun();
        for (String file : List.of("run.json", "config.yaml", "metrics.jsonl", "rewire.jsonl", "report.html",
                "checkpoints/last.ckpt", "plots/loss.png", "plots/density.png", "plots/connectivity.png")) {
            assertTrue(Files.exists(folder.resolve(file)), file + " missing in " + folder);
        }
        String runJson = Files.readString(folder.resolve("run.json"));
        assertTrue(runJson.contains("\"status\":\"finished\"") && runJson.contains("\"scoreLabel\":\"test accuracy\""), runJson);
        assertTrue(cli.out().contains("Test accuracy"), cli.out());

        assertEquals(0, cli.run("eval", folder.toString()), cli.err());
        assertTrue(cli.out().contains("\n  test accuracy  ") && cli.out().contains("\n  test loss      "),
                "scores in a column two spaces after the longest label:\n" + cli.out());
    }

    @Test
    void resumingAFinishedRunSaysSo() throws IOException {
        assertEquals(0, cli.run(train("sparsity.recipe=set", "sparsity.options=[]")), cli.err());
        assertEquals(2, cli.run("resume", onlyRun().toString()));
        assertTrue(cli.err().contains("already finished"), cli.err());
    }

    @Test
    void aMistypedKeyIsAnErrorThatSuggestsTheRightOne() throws IOException {
        assertEquals(2, cli.run(train("optim.lrr=0.1")));
        assertTrue(cli.err().contains("optim.lr"), cli.err());
    }

    @Test
    void aMissingDatasetSaysHowToInstallIt() {
        assertEquals(2, cli.run("train", "data.dir=" + dir.resolve("nowhere"), "train.runs=" + dir.resolve("runs")));
        assertTrue(cli.err().contains("apt-get install -y dataset-fashion-mnist"), cli.err());
    }

    @Test
    void recipesListsEveryMethodWithItsOptions() {
        assertEquals(0, cli.run("recipes"));
        for (String recipe : List.of("dense", "static", "set", "rigl", "snfs", "mest", "gmp", "cht", "chts", "chtss", "mst")) {
            assertTrue(cli.out().contains(recipe), recipe + " missing from\n" + cli.out());
        }
        assertTrue(cli.out().contains("deltaT"), cli.out());
    }
}
