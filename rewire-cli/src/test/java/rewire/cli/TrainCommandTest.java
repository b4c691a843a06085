package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import rewire.data.IdxFiles;

/** The train, eval, resume and recipes commands end to end on a tiny Fashion-MNIST-shaped dataset. */
class TrainCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void tinyData() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeFashionMnistLike(dir.resolve("data"), 256, 64);
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String[] train(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "data.dir=" + dir.resolve("data"),
                "train.runs=" + dir.resolve("runs"), "train.epochs=2", "model.hidden=[32]", "data.batchSize=32",
                "sparsity.options=[deltaT=4]"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void trainsAndLeavesARunFolderWithItsReport() throws IOException {
        assertEquals(0, run(train()), err.toString());
        Path folder = onlyRun();
        for (String file : List.of("run.json", "config.yaml", "metrics.jsonl", "rewire.jsonl", "report.html",
                "checkpoints/last.ckpt", "plots/loss.png", "plots/density.png", "plots/connectivity.png")) {
            assertTrue(Files.exists(folder.resolve(file)), file + " missing in " + folder);
        }
        String runJson = Files.readString(folder.resolve("run.json"));
        assertTrue(runJson.contains("\"status\":\"finished\"") && runJson.contains("\"testAccuracy\""), runJson);
        assertTrue(out.toString().contains("Test accuracy"), out.toString());

        assertEquals(0, run("eval", folder.toString()), err.toString());
        assertTrue(out.toString().contains("accuracy"), out.toString());
    }

    @Test
    void resumingAFinishedRunSaysSo() throws IOException {
        assertEquals(0, run(train("sparsity.recipe=set", "sparsity.options=[]")), err.toString());
        assertEquals(2, run("resume", onlyRun().toString()));
        assertTrue(err.toString().contains("already finished"), err.toString());
    }

    @Test
    void aMistypedKeyIsAnErrorThatSuggestsTheRightOne() {
        assertEquals(2, run(train("optim.lrr=0.1")));
        assertTrue(err.toString().contains("optim.lr"), err.toString());
    }

    @Test
    void aMissingDatasetSaysHowToInstallIt() {
        assertEquals(2, run("train", "data.dir=" + dir.resolve("nowhere"), "train.runs=" + dir.resolve("runs")));
        assertTrue(err.toString().contains("apt-get install -y dataset-fashion-mnist"), err.toString());
    }

    @Test
    void recipesListsEveryMethodWithItsOptions() {
        assertEquals(0, run("recipes"));
        for (String recipe : List.of("dense", "static", "set", "rigl", "snfs", "mest", "gmp", "cht", "chts", "chtss", "mst")) {
            assertTrue(out.toString().contains(recipe), recipe + " missing from\n" + out);
        }
        assertTrue(out.toString().contains("deltaT"), out.toString());
    }
}
