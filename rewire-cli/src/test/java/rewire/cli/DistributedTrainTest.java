package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.io.Json;

/**
 * The distributed example (examples/spark/mlp-spark.yaml) end to end, shrunk to a tiny dataset: on
 * threads, it logs each round's bytes and compression error and plots them in the report; a batch
 * that the partitions cannot share is refused before training.
 */
class DistributedTrainTest {
    static final String EXAMPLE = Path.of("../examples/spark/mlp-spark.yaml").toString();

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    static String[] example(Path dir, String... overrides) throws IOException {
        List<String> all = new ArrayList<>(List.of("model.hidden=[32]", "data.batchSize=32", "train.epochs=1",
                "train.logEvery=2", "sparsity.options=[deltaT=4]"));
        all.addAll(List.of(overrides));
        String[] args = CliRun.trainOnTinyData(dir, 256, 64, all);
        List<String> withFile = new ArrayList<>(List.of(args));
        withFile.add(1, EXAMPLE);
        return withFile.toArray(String[]::new);
    }

    /** The train lines of a run's metrics.jsonl. */
    static List<Map<?, ?>> trainLines(Path run) throws IOException {
        List<Map<?, ?>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            Map<?, ?> m = (Map<?, ?>) Json.parse(line);
            if ("train".equals(m.get("split"))) {
                lines.add(m);
            }
        }
        return lines;
    }

    @Test
    void theExampleTrainsOnThreadsAndReportsBytesAndCompressionError() throws IOException {
        assertEquals(0, cli.run(example(dir, "dist.engine=local")), cli.err());
        Path run = CliRun.onlyRun(dir.resolve("runs"));
        for (Map<?, ?> line : trainLines(run)) {
            assertTrue(((Number) line.get("roundBytes")).doubleValue() > 0, line.toString());
            double error = ((Number) line.get("compressionError")).doubleValue();
            assertTrue(error > 0 && error < 1, line.toString());
        }
        for (String plot : List.of("plots/round-bytes.png", "plots/compression-error.png")) {
            assertTrue(Files.exists(run.resolve(plot)), plot + " missing in " + run);
        }
    }

    @Test
    void aBatchThatDoesNotSplitAmongThePartitionsIsAConfigurationError() throws IOException {
        assertEquals(2, cli.run(example(dir, "dist.engine=local", "dist.partitions=3")));
        assertTrue(cli.err().contains("data.batchSize 32 does not split into dist.partitions 3 equal shards"), cli.err());
    }
}
