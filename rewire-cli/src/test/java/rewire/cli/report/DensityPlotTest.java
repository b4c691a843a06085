package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DensityPlotTest {
    @TempDir
    Path dir;

    @Test
    void anMstRunsDensityStartsDenseFallsThenRises() throws IOException {
        List<DensityPlot.Line> lines = DensityPlot.lines(RunReader.read(RunFixture.finished(dir, "mst")));
        assertEquals(1, lines.size(), "fc1 and fc2 agree at every point: one line");
        assertEquals(List.of("fc1", "fc2"), lines.get(0).layers());
        assertEquals("fc{1,2}", lines.get(0).label());
        double[] steps = lines.get(0).xy()[0];
        double[] percent = lines.get(0).xy()[1];
        assertEquals(0, steps[0], "the initial nnz of run.json is drawn at step 0");
        assertEquals(100.0, percent[0], 1e-9, "MST's dense start");
        assertEquals(9.0, percent[1], 1e-9, "first update at step 25 of 300: 10% - 12% * 25/300");
        int lowest = 0;
        for (int i = 1; i < percent.length; i++) {
            lowest = percent[i] < percent[lowest] ? i : lowest;
        }
        assertTrue(lowest > 1 && lowest < percent.length - 1, "the minimum lies inside the run");
        assertEquals(4.0, percent[lowest], 1e-9);
        assertEquals(10.0, percent[percent.length - 1], 1e-9);
    }

    @Test
    void aMissingDensityComesFromNnzAndTheLayersShapeAndAnOlderRecordStartsAtTheFirstUpdate() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"d\", \"status\": \"finished\", \"layers\": "
                + "[{\"name\": \"fc1\", \"in\": 100, \"out\": 10, \"nnz\": 100}]}");
        Files.writeString(dir.resolve("rewire.jsonl"), "{\"step\": 5, \"layers\": [{\"name\": \"fc1\", \"nnz\": 50}]}\n"
                + "{\"step\": 9, \"layers\": [{\"name\": \"other\", \"pruned\": 3}]}\n");
        List<DensityPlot.Line> lines = DensityPlot.lines(RunReader.read(dir));
        assertEquals(1, lines.size(), "a layer without density or shape is left out");
        assertEquals("fc1", lines.get(0).label());
        assertArrayEquals(new double[] {5}, lines.get(0).xy()[0], "no initialNnz in run.json: no step 0");
        assertArrayEquals(new double[] {5.0}, lines.get(0).xy()[1], 1e-12);
    }

    @Test
    void layersThatAgreeToALinesWidthShareALineAndTheCaptionSaysSo() throws IOException {
        StringBuilder layers = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (int block = 0; block < 4; block++) {
            for (String part : List.of("attn.qkv", "mlp.fc")) {
                String name = "h" + block + "." + part + ".weight";
                layers.append(layers.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"name\": \"%s\", \"in\": 64, \"out\": 64, \"nnz\": 4096, \"initialNnz\": 4096}", name));
                // rounding puts equal layers 0.01 points apart; 0.2 and 0.3 are apart by 10 points
                double density = part.equals("mlp.fc") ? 0.2 : 0.3 + 0.0001 * block;
                updates.append(updates.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"name\": \"%s\", \"density\": %.4f}", name, density));
            }
        }
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"g\", \"status\": \"finished\", \"layers\": ["
                + layers + "]}");
        Files.writeString(dir.resolve("rewire.jsonl"), "{\"step\": 10, \"layers\": [" + updates + "]}\n");
        RunData run = RunReader.read(dir);
        List<String> labels = DensityPlot.lines(run).stream().map(DensityPlot.Line::label).toList();
        assertEquals(List.of("h{0..3}.attn.qkv.weight", "h{0..3}.mlp.fc.weight"), labels);
        Plot plot = DensityPlot.render(run).orElseThrow();
        assertTrue(plot.caption().contains("share one line"), plot.caption());
    }

    @Test
    void aLineForManyUnrelatedLayersIsNamedByItsFirstAndTheCaptionListsThemAll() throws IOException {
        List<String> names = List.of("agent.fc1.weight", "agent.gru.input.weight", "agent.gru.hidden.weight",
                "mixer.hyperW1.0.weight", "mixer.hyperB1.weight", "mixer.v.0.weight");
        StringBuilder layers = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (String name : names) {
            layers.append(layers.isEmpty() ? "" : ", ").append("{\"name\": \"" + name
                    + "\", \"in\": 64, \"out\": 64, \"nnz\": 410, \"initialNnz\": 410}");
            updates.append(updates.isEmpty() ? "" : ", ").append("{\"name\": \"" + name + "\", \"density\": 0.1}");
        }
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"m\", \"status\": \"finished\", \"layers\": ["
                + layers + "]}");
        Files.writeString(dir.resolve("rewire.jsonl"), "{\"step\": 10, \"layers\": [" + updates + "]}\n");
        RunData run = RunReader.read(dir);
        assertEquals("agent.fc1.weight and 5 more", DensityPlot.lines(run).get(0).label());
        String caption = DensityPlot.render(run).orElseThrow().caption();
        assertTrue(caption.contains("agent.fc1.weight and 5 more: " + String.join(", ", names) + "."), caption);
    }
}
