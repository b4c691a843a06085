package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewire train} with {@code workload: marl}: a tiny MAST run on 3m end to end, and resume refused. */
class MarlCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void aTinyMastRunWritesItsReportNamesItsScoresAndResumes() throws IOException {
        Path examples = Path.of("..", "examples", "marl-3m-mast.yaml");
        assertEquals(0, cli.run("train", examples.toString(), "train.runs=" + dir.resolve("runs"), "train.epochs=2",
                "train.logEvery=1", "learner.episodesPerEpoch=3", "learner.batchSize=4", "learner.evalEpisodes=2",
                "network.hidden=8", "network.hyperHidden=8", "network.embed=4", "mast.t0=20",
                "sparsity.options=[deltaT=2, distribution=uniform]"), cli.err());
        Path folder = CliRun.onlyRun(dir.resolve("runs"));
        for (String file : List.of("run.json", "metrics.jsonl", "rewire.jsonl", "report.html", "plots/winRate.png",
                "plots/return.png", "plots/density.png")) {
            assertTrue(Files.exists(folder.resolve(file)), file + " missing in " + folder);
        }
        String metrics = Files.readString(folder.resolve("metrics.jsonl"));
        assertTrue(metrics.contains("\"winRate\"") && metrics.contains("\"epsilon\""), metrics);
        assertTrue(cli.out().contains("Test win rate"), cli.out());
        assertTrue(Files.readString(folder.resolve("report.html")).contains("<th>Test win rate</th>"),
                "the report labels the score as the workload names it");
        assertEquals(0, cli.run("eval", folder.toString()), cli.err());
        assertTrue(cli.out().contains("test win rate"), cli.out());
        assertEquals(0, cli.run("resume", folder.toString(), "train.epochs=3"), cli.err());
        assertTrue(cli.out().contains("Resuming   from step 6"), cli.out());
    }
}
