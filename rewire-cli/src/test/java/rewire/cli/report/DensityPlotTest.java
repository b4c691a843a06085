package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DensityPlotTest {
    @TempDir
    Path dir;

    @Test
    void anMstRunsDensityFallsThenRises() throws IOException {
        Map<String, double[][]> series = DensityPlot.series(RunReader.read(RunFixture.finished(dir, "mst")));
        assertEquals(List.of("fc1", "fc2"), List.copyOf(series.keySet()));
        double[] percent = series.get("fc1")[1];
        int lowest = 0;
        for (int i = 1; i < percent.length; i++) {
            lowest = percent[i] < percent[lowest] ? i : lowest;
        }
        assertTrue(lowest > 0 && lowest < percent.length - 1, "the minimum lies inside the run");
        assertEquals(9.0, percent[0], 1e-9, "first update at step 25 of 300: 10% - 12% * 25/300");
        assertEquals(4.0, percent[lowest], 1e-9);
        assertEquals(10.0, percent[percent.length - 1], 1e-9);
    }

    @Test
    void aMissingDensityComesFromNnzAndTheLayersShape() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"d\", \"status\": \"finished\", \"layers\": "
                + "[{\"name\": \"fc1\", \"in\": 100, \"out\": 10, \"nnz\": 100}]}");
        Files.writeString(dir.resolve("rewire.jsonl"), "{\"step\": 5, \"layers\": [{\"name\": \"fc1\", \"nnz\": 50}]}\n"
                + "{\"step\": 9, \"layers\": [{\"name\": \"other\", \"pruned\": 3}]}\n");
        Map<String, double[][]> series = DensityPlot.series(RunReader.read(dir));
        assertEquals(List.of("fc1"), List.copyOf(series.keySet()), "a layer without density or shape is left out");
        assertArrayEquals(new double[] {5}, series.get("fc1")[0]);
        assertArrayEquals(new double[] {5.0}, series.get("fc1")[1], 1e-12);
    }
}
