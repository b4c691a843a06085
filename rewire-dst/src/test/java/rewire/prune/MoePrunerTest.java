package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** METHODS.md H.4: MoE-Pruner's score, its row-wise selection, and its reduction to Wanda when every gate is 1. */
class MoePrunerTest {
    private static final int ROWS = 6;
    private static final int IN = 10;
    private static final int TOKENS = 40;

    private record Calibrated(WeightMatrix w, Tensor x, float[] gates, LayerStatistics stats) {
    }

    private static Calibrated calibrated(long seed, boolean unitGates) {
        Rng rng = new Rng(seed);
        WeightMatrix w = WeightMatrix.of(Layers.weight(rng, ROWS, IN));
        Tensor x = Layers.inputs(rng, IN, TOKENS);
        float[] gates = new float[TOKENS];
        for (int t = 0; t < TOKENS; t++) {
            gates[t] = unitGates ? 1f : (float) rng.nextDouble();
        }
        LayerStatistics stats = new LayerStatistics(w.name(), IN, EnumSet.allOf(Statistic.class));
        stats.add(x, gates);
        return new Calibrated(w, x, gates, stats);
    }

    // ‖X_j · g‖₂ over the tokens, directly
    private static double[] gatedNorms(Calibrated c) {
        double[] out = new double[IN];
        for (int j = 0; j < IN; j++) {
            double s = 0;
            for (int t = 0; t < TOKENS; t++) {
                double v = c.x().data()[j * TOKENS + t] * c.gates()[t];
                s += v * v;
            }
            out[j] = Math.sqrt(s);
        }
        return out;
    }

    @Test
    void theScoreIsTheWeightTimesTheGatedColumnNormBroadcastOverRows() {
        Calibrated c = calibrated(1, false);
        float[] scores = ScoreCriterion.MOE_PRUNER.scores(c.w(), c.stats());
        double[] norms = gatedNorms(c);
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < IN; j++) {
                double expected = Math.abs(c.w().values()[r * IN + j]) * norms[j];
                assertEquals(expected, scores[r * IN + j], 1e-5 * expected, "(" + r + ", " + j + ")");
            }
        }
    }

    @Test
    void theRootMeanFormRanksEveryRowTheSame() {
        Calibrated c = calibrated(2, false);
        float[] scores = ScoreCriterion.MOE_PRUNER.scores(c.w(), c.stats());
        float[] rootMean = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            rootMean[i] = (float) (scores[i] / Math.sqrt(TOKENS));   // sqrt((1/T) Σ (x g)²) = ‖X g‖ / sqrt(T)
        }
        SparsityTarget half = SparsityTarget.unstructured(0.5);
        assertEquals(Selection.keep(c.w(), scores, half, Selection.Group.ROW),
                Selection.keep(c.w(), rootMean, half, Selection.Group.ROW));
    }

    @Test
    void everyRowEndsWithExactlyFloorOfSparsityTimesInZeros() {
        Calibrated c = calibrated(3, false);
        for (double s : new double[] {0.3, 0.5, 0.7}) {
            SparsityPattern p = ScoreCriterion.MOE_PRUNER.prune(c.w(), c.stats(), SparsityTarget.unstructured(s)).pattern();
            for (int r = 0; r < ROWS; r++) {
                assertEquals((int) Math.floor(s * IN), IN - (p.rowEnd(r) - p.rowStart(r)), "sparsity " + s + ", row " + r);
            }
        }
    }

    @Test
    void withEveryGateOneTheResultIsWandas() {
        Calibrated c = calibrated(4, true);
        for (double s : new double[] {0.25, 0.5, 0.8}) {
            CsrMatrix moe = ScoreCriterion.MOE_PRUNER.prune(c.w(), c.stats(), SparsityTarget.unstructured(s));
            CsrMatrix wanda = wandaReference(c, s);
            assertEquals(wanda.pattern(), moe.pattern(), "sparsity " + s);
            assertArrayEquals(wanda.values(), moe.values());
        }
    }

    // Wanda by its definition: per row, drop the floor(s·in) smallest |W_ij|·‖X_j‖₂ (ties to the higher column)
    private static CsrMatrix wandaReference(Calibrated c, double s) {
        double[] norms = new double[IN];
        for (int j = 0; j < IN; j++) {
            for (int t = 0; t < TOKENS; t++) {
                norms[j] += Math.pow(c.x().data()[j * TOKENS + t], 2);
            }
            norms[j] = Math.sqrt(norms[j]);
        }
        float[] v = c.w().values();
        boolean[] keep = new boolean[ROWS * IN];
        for (int r = 0; r < ROWS; r++) {
            int row = r;
            Integer[] order = IntStream.range(0, IN).boxed().sorted(Comparator.comparingDouble(
                    (Integer j) -> -(float) (Math.abs(v[row * IN + j]) * norms[j])).thenComparing(j -> j))
                    .toArray(Integer[]::new);
            for (int k = 0; k < IN - (int) Math.floor(s * IN); k++) {
                keep[r * IN + order[k]] = true;
            }
        }
        return c.w().gather(rewire.sparse.Patterns.fromMask(keep, ROWS, IN));
    }

    @Test
    void tokensWithoutTheExpertsGateAddNothingToItsStatistics() {
        Calibrated c = calibrated(5, false);
        Tensor routedElsewhere = Layers.inputs(new Rng(6), IN, 9);
        LayerStatistics more = new LayerStatistics(c.w().name(), IN, EnumSet.of(Statistic.GATED_SQUARED_NORMS));
        more.add(c.x(), c.gates());
        more.add(routedElsewhere, new float[9]);
        assertArrayEquals(c.stats().gatedColumnNorms(), more.gatedColumnNorms());
        assertEquals(Arrays.toString(ScoreCriterion.MOE_PRUNER.scores(c.w(), c.stats())),
                Arrays.toString(ScoreCriterion.MOE_PRUNER.scores(c.w(), more)));
    }
}
