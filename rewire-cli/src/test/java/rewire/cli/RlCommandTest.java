package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rewire train} with {@code workload: rl}: a tiny SAC run on Pendulum end to end (report,
 * plots, the module densities and diagnostics in the log), then {@code eval} (greedy episodes: their
 * mean return, spread and length), {@code sample} as text and as a PNG strip, and {@code resume}.
 */
class RlCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void aTinySacRunTrainsEvaluatesSamplesAndResumes() throws IOException {
        Path example = Path.of("..", "examples", "rl-sac-pendulum.yaml");
        assertEquals(0, cli.run("train", example.toString(), "train.runs=" + dir.resolve("runs"), "train.epochs=2",
                "train.logEvery=5", "agent.stepsPerEpoch=10", "agent.startSteps=40", "agent.batchSize=16",
                "network.encoder.width=8", "network.critic.width=8", "network.actor.width=8", "agent.latent=4",
                "env.evalEpisodes=2", "diagnostics.every=5", "diagnostics.batch=16",
                "policy.critic.options=[deltaT=4]"), cli.err());
        Path folder = CliRun.onlyRun(dir.resolve("runs"));
        for (String file : List.of("run.json", "metrics.jsonl", "rewire.jsonl", "report.html", "plots/return.png",
                "plots/density.png")) {
            assertTrue(Files.exists(folder.resolve(file)), file + " missing in " + folder);
        }
        String metrics = Files.readString(folder.resolve("metrics.jsonl"));
        for (String key : List.of("densityCritic", "dormantActor", "featureRank", "evalReturn", "returnStd")) {
            assertTrue(metrics.contains("\"" + key + "\""), key + " in " + metrics);
        }
        assertTrue(cli.out().contains("Evaluation return"), cli.out());
        assertTrue(cli.out().contains("Group      critic: rigl[deltaT=4,distribution=er]"), cli.out());
        assertEquals(0, cli.run("eval", folder.toString()), cli.err());
        assertTrue(cli.out().contains("evaluation return"), cli.out());
        for (String key : List.of("returnStd", "returnMin", "returnMax", "episodeLength")) {
            assertTrue(cli.out().contains(key), key + " in " + cli.out());
        }
        Path png = dir.resolve("strip.png");
        assertEquals(0, cli.run("sample", folder.toString(), "--frames", "3", "--png", png.toString()), cli.err());
        assertTrue(cli.out().contains("Pendulum-v1, greedy episode (seed 1)"), cli.out());
        assertTrue(cli.out().contains("step 200/200  action ["), cli.out());
        assertTrue(Files.size(png) > 1000, "a PNG strip");
        assertEquals(2, cli.run("sample", folder.toString(), "--tokens", "5"));
        assertTrue(cli.err().contains("--tokens does not apply to an RL run"), cli.err());
        assertEquals(0, cli.run("resume", folder.toString(), "train.epochs=3"), cli.err());
        assertTrue(cli.out().contains("Resuming   from step 20"), cli.out());
    }
}
