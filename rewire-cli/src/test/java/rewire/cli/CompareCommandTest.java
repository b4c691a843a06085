package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path run(String name, String scoreJson, String sampleUnit, double wallClock) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("run.json"), """
                {"name": "%s", "status": "finished", "groups": [{"name": "model", "recipe": "mst"}],
                 "scores": [%s],
                 "summary": {"evaluation": {"loss": 3.1241, "winRate": 0.35}, "epochs": 1, "density": 0.2,
                   "trainingFlopsRatio": 0.281, "inferenceFlopsRatio": 0.181, "wallClockSeconds": %s,
                   "samplesPerSecond": 12192.4, "sampleUnit": "%s"}}
                """.formatted(name, scoreJson, wallClock, sampleUnit));
        return folder;
    }

    @Test
    void eachRunNamesItsScoreAndItsUnitAndTimesReadAsDurations() throws IOException {
        Path gpt = run("gpt-mst-tiny", "{\"key\": \"loss\", \"label\": \"validation loss\", "
                + "\"direction\": \"LOWER_IS_BETTER\", \"percent\": false}", "tokens", 725.4);
        Path marl = run("mast-3m", "{\"key\": \"winRate\", \"label\": \"test win rate\", "
                + "\"direction\": \"HIGHER_IS_BETTER\", \"percent\": true}", "env steps", 61.24);
        assertEquals(0, cli.run("compare", gpt.toString(), marl.toString()), cli.err());
        String table = cli.out();
        assertTrue(table.contains("| validation loss | 3.1241 |"), table);
        assertTrue(table.contains("| test win rate   | 35.00% |"), table);
        assertTrue(table.contains("| 12 min 5 s |") && table.contains("|     61.2 s |"), table);
        assertTrue(table.contains("12,192 tokens/s") && table.contains("12,192 env steps/s"), table);
    }
}
