package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Calibration statistics accumulated over several batches equal the same statistics computed directly on all tokens. */
class LayerStatisticsTest {
    private static final int IN = 5;

    @Test
    void everyStatisticMatchesADirectComputationOverAllTokens() {
        Rng rng = new Rng(11);
        Tensor a = Layers.inputs(rng, IN, 7);
        Tensor b = Layers.inputs(rng, IN, 4);
        float[] gatesB = {0.9f, 0.1f, 0.5f, 0.25f};
        LayerStatistics stats = new LayerStatistics("fc.weight", IN, EnumSet.allOf(Statistic.class));
        stats.add(a);
        stats.add(b, gatesB);
        double[][] tokens = columns(a, b);                    // 11 tokens of IN values
        double[] gates = {1, 1, 1, 1, 1, 1, 1, 0.9, 0.1, 0.5, 0.25};
        assertEquals(11, stats.tokens());
        for (int j = 0; j < IN; j++) {
            double sq = 0;
            double gsq = 0;
            double sum = 0;
            for (int t = 0; t < tokens.length; t++) {
                double x = tokens[t][j];
                sq += x * x;
                gsq += x * (float) gates[t] * x * (float) gates[t];
                sum += x;
            }
            assertEquals(Math.sqrt(sq), stats.columnNorms()[j], 1e-12);
            assertEquals(Math.sqrt(gsq), stats.gatedColumnNorms()[j], 1e-9);
            assertEquals(sum / 11, stats.means()[j], 1e-12);
            assertEquals(sq / 11 - (sum / 11) * (sum / 11), stats.variances()[j], 1e-9);
        }
        DMatrixRMaj gram = stats.gram();
        for (int i = 0; i < IN; i++) {
            for (int j = 0; j < IN; j++) {
                double direct = 0;
                for (double[] x : tokens) {
                    direct += x[i] * x[j];
                }
                assertEquals(direct, gram.get(i, j), 1e-9);
            }
        }
    }

    @Test
    void aTokenWithGateOneCountsAsAnUngatedOneAndGateZeroAsNone() {
        Rng rng = new Rng(3);
        Tensor x = Layers.inputs(rng, IN, 6);
        LayerStatistics plain = new LayerStatistics("l", IN, EnumSet.of(Statistic.GATED_SQUARED_NORMS));
        LayerStatistics ones = new LayerStatistics("l", IN, EnumSet.of(Statistic.GATED_SQUARED_NORMS));
        plain.add(x);
        float[] g = new float[6];
        Arrays.fill(g, 1f);
        ones.add(x, g);
        assertArrayEquals(plain.gatedColumnNorms(), ones.gatedColumnNorms());
        LayerStatistics zero = new LayerStatistics("l", IN, EnumSet.of(Statistic.GATED_SQUARED_NORMS));
        zero.add(x, new float[6]);
        assertArrayEquals(new double[IN], zero.gatedColumnNorms());
    }

    @Test
    void aStatisticNotAskedForIsAnErrorThatNamesTheLayer() {
        LayerStatistics stats = new LayerStatistics("h0.mlp.fc.weight", IN, EnumSet.of(Statistic.SQUARED_NORMS));
        IllegalStateException e = assertThrows(IllegalStateException.class, stats::gram);
        assertTrue(e.getMessage().contains("h0.mlp.fc.weight") && e.getMessage().contains("HESSIAN"), e.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> stats.add(Tensor.zeros(IN + 1, 2)));
        assertTrue(wrong.getMessage().contains("(" + IN + ", T)"), wrong.getMessage());
    }

    // the tokens of a then b, each as its IN input values
    private static double[][] columns(Tensor... parts) {
        int total = Arrays.stream(parts).mapToInt(Tensor::cols).sum();
        double[][] out = new double[total][IN];
        int t = 0;
        for (Tensor p : parts) {
            for (int c = 0; c < p.cols(); c++, t++) {
                for (int j = 0; j < IN; j++) {
                    out[t][j] = p.data()[j * p.cols() + c];
                }
            }
        }
        return out;
    }
}
