package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.nn.SparseLinear;
import rewire.run.RunSummary;
import rewire.tensor.Rng;
import rewire.train.Score;

/** The console's tables stay aligned when names are long: a GPT's layers, a score named in four words. */
class RunConsoleTest {
    @Test
    void theLayerTableOfAGptIsPaddedToItsLongestName() {
        Rng rng = new Rng(3);
        List<SparseLinear> layers = new ArrayList<>();
        for (String name : List.of("h0.attn.qkv", "h0.attn.proj", "h0.mlp.fc", "h11.mlp.proj")) {
            layers.add(SparseLinear.create(name, 64, name.endsWith("qkv") ? 192 : 64, 0.5, rng));
        }
        List<String> lines = RunConsole.layerLines(layers);
        assertEquals(5, lines.size(), "a header row and one row per layer");
        assertEquals("  layer                out  in    nnz  density  storage", lines.get(0));
        assertEquals("  h0.attn.qkv.weight   192  64  6,144   0.5000  DENSE_MASKED", lines.get(1));
        assertEquals("  h11.mlp.proj.weight   64  64  2,048   0.5000  DENSE_MASKED", lines.get(4));
    }

    @Test
    void summaryValuesStartTwoSpacesAfterTheLongestLabel() {
        List<Score> scores = List.of(Score.loss("loss", "validation loss"),
                Score.accuracy("accuracy", "validation token accuracy"));
        RunSummary s = new RunSummary("loss", "validation loss", 3.1241, Map.of("loss", 3.1241, "accuracy", 0.1758),
                null, null, 1, 90, 205_440, 41_054, 0.1998, 2.72e10, 9.7e10, 0.281, 7.28e4, 4.0e5, 0.181, 725.4,
                12_192, "tokens", 379_000_000, 500_000_000);
        List<String> lines = RunConsole.summaryLines(scores, s);
        int column = "Validation token accuracy".length() + 2;
        assertEquals("Validation token accuracy  17.58%", lines.get(1));
        for (String line : lines) {
            assertTrue(line.charAt(column - 1) == ' ' && line.charAt(column) != ' ', line);
        }
        assertEquals("Wall clock                 12 min 5 s, 12,192 tokens/s, peak heap 379 MB", lines.getLast());
    }
}
