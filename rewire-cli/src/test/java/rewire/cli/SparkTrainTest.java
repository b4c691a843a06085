package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.run.RunFolder;
import rewire.run.RunRecord;

/**
 * {@code rewire train examples/spark/mlp-spark.yaml dist.master=local[2]} on a tiny dataset: the
 * command finds the Spark engine on its class path, trains, and {@code rewire resume} continues
 * the distributed run from its checkpoint, the shards' error-feedback residuals included. Each
 * command starts and stops its own Spark context (tagged {@code spark}).
 */
@Tag("spark")
class SparkTrainTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void theExampleTrainsInLocalTwoAndTheRunResumes() throws IOException {
        assertEquals(0, cli.run(DistributedTrainTest.example(dir, "dist.master=local[2]")), cli.err());
        Path run = CliRun.onlyRun(dir.resolve("runs"));
        List<Map<?, ?>> first = DistributedTrainTest.trainLines(run);
        assertTrue(((Number) first.getLast().get("roundBytes")).doubleValue() > 0, first.getLast().toString());

        assertEquals(0, cli.run("resume", run.toString(), "train.epochs=2"), cli.err());
        assertTrue(cli.out().contains("Resuming   from step 8"), cli.out());
        RunRecord record = RunFolder.open(run).readRecord();
        assertEquals(RunRecord.FINISHED, record.status());
        assertEquals(16, ((Number) DistributedTrainTest.trainLines(run).getLast().get("step")).longValue());
    }
}
