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

/** {@code rewire train} with {@code workload: marl}: a tiny MAST run on 3m end to end, and resume refused. */
class MarlCommandTest {
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
    void aTinyMastRunWritesItsReportAndCannotBeResumed() throws IOException {
        Path examples = Path.of("..", "examples", "marl-3m-mast.yaml");
        assertEquals(0, run("train", examples.toString(), "train.runs=" + dir.resolve("runs"), "train.epochs=2",
                "train.logEvery=1", "learner.episodesPerEpoch=3", "learner.batchSize=4", "learner.evalEpisodes=2",
                "network.hidden=8", "network.hyperHidden=8", "network.embed=4", "mast.t0=20",
                "sparsity.options=[deltaT=2, distribution=uniform]"), err.toString());
        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            folder = runs.toList().get(0);
        }
        for (String file : List.of("run.json", "metrics.jsonl", "rewire.jsonl", "report.html", "plots/win-rate.png",
                "plots/return.png", "plots/density.png")) {
            assertTrue(Files.exists(folder.resolve(file)), file + " missing in " + folder);
        }
        String metrics = Files.readString(folder.resolve("metrics.jsonl"));
        assertTrue(metrics.contains("\"winRate\"") && metrics.contains("\"epsilon\""), metrics);
        assertTrue(out.toString().contains("Test win rate"), out.toString());
        assertTrue(Files.readString(folder.resolve("report.html")).contains("<th>Test win rate</th>"),
                "the report labels the score as the workload names it");
        assertEquals(0, run("eval", folder.toString()), err.toString());
        assertTrue(out.toString().contains("test win rate"), out.toString());
        assertEquals(2, run("resume", folder.toString()));
        assertTrue(err.toString().contains("cannot be resumed exactly"), err.toString());
    }
}
