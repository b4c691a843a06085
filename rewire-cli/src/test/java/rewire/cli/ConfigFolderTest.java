package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration that names its files by paths relative to its own folder trains from any
 * working directory (the tests run in the module's folder, never the configuration's), and the
 * run's config.yaml holds the absolute paths, so eval reads the same files (issue 14).
 */
class ConfigFolderTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void aGptConfigFindsItsTextBesideItAndTheRunKeepsTheAbsolutePath() throws IOException {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Path text = Files.writeString(Files.createDirectories(configs.resolve("corpus")).resolve("tiny.txt"),
                "to be or not to be, that is the question.\n".repeat(40));
        Path file = Files.writeString(configs.resolve("tiny-gpt.yaml"), """
                workload: gpt
                name: tiny
                model: {layers: 1, heads: 1, width: 8, blockSize: 12}
                data: {text: corpus/tiny.txt, batchSize: 2, stepsPerEpoch: 4, evalBatches: 1}
                train: {epochs: 1, evalEvery: 4, runs: runs}
                """);
        assertFalse(Path.of("").toAbsolutePath().startsWith(dir));
        assertEquals(0, cli.run("train", file.toString()), cli.err());
        Path run = CliRun.onlyRun(configs.resolve("runs"));
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("text: " + text), "config.yaml names the text absolutely");
        assertEquals(0, cli.run("eval", run.toString()), cli.err());
    }

    @Test
    void aMarlConfigFindsItsScenarioFileBesideIt() throws IOException {
        Files.writeString(dir.resolve("duel.json"), """
                {"name": "duel", "map": {"width": 32, "height": 32}, "episode_limit": 20,
                 "allies": [{"type": "marine", "count": 2, "x": 12, "y": 16}],
                 "enemies": [{"type": "marine", "count": 2, "x": 20, "y": 16}]}""");
        Path file = Files.writeString(dir.resolve("duel.yaml"), """
                workload: marl
                env: {scenario: duel.json}
                network: {hidden: 8, hyperHidden: 8, embed: 4}
                learner: {episodesPerEpoch: 2, batchSize: 2, evalEpisodes: 1}
                train: {epochs: 1, logEvery: 1, runs: runs}
                """);
        assertEquals(0, cli.run("train", file.toString()), cli.err());
        Path run = CliRun.onlyRun(dir.resolve("runs"));
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("scenario: " + dir.resolve("duel.json")));
        assertEquals(0, cli.run("eval", run.toString()), cli.err());
    }
}
