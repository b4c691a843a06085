package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rewire.sparse.CsrMatrix;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** SparseGPT's Cholesky form with lazy batches equals optimal brain surgeon by brute force on a tiny layer. */
class SparseGptTest {
    private static final int ROWS = 3;
    private static final int COLS = 12;

    private record Layer(WeightMatrix w, LayerStatistics stats) {
        double[][] hessian() {
            DMatrixRMaj g = stats.gram();
            double[][] h = new double[COLS][COLS];
            for (int i = 0; i < COLS; i++) {
                for (int j = 0; j < COLS; j++) {
                    h[i][j] = 2 * g.get(i, j) / stats.tokens();
                }
            }
            return h;
        }
    }

    private static Layer layer(long seed, int tokens) {
        Rng rng = new Rng(seed);
        WeightMatrix w = WeightMatrix.of(Layers.weight(rng, ROWS, COLS));
        LayerStatistics stats = new LayerStatistics(w.name(), COLS, EnumSet.of(Statistic.HESSIAN));
        stats.add(Layers.inputs(rng, COLS, tokens));
        return new Layer(w, stats);
    }

    private static void assertSame(CsrMatrix expected, CsrMatrix actual, String what) {
        assertEquals(expected.pattern(), actual.pattern(), what + ": the masks differ");
        for (int e = 0; e < expected.nnz(); e++) {
            assertEquals(expected.values()[e], actual.values()[e], 2e-4 * (1 + Math.abs(expected.values()[e])),
                    what + ": entry " + e);
        }
    }

    @Test
    void unstructuredWithLazyBlocksMatchesTheBruteForceReference() {
        for (long seed = 1; seed <= 5; seed++) {
            Layer l = layer(seed, 30);
            for (double s : new double[] {0.25, 0.5, 0.75}) {
                CsrMatrix ours = new SparseGpt(4, 0.01).prune(l.w(), l.stats(), SparsityTarget.unstructured(s));
                CsrMatrix reference = ObsReference.prune(l.w().values(), ROWS, COLS, l.hessian(), 0.01, 4,
                        SparsityTarget.unstructured(s));
                assertSame(reference, ours, "seed " + seed + ", sparsity " + s);
            }
        }
    }

    @Test
    void nOfMMatchesTheBruteForceReferenceAndKeepsNPerGroup() {
        for (long seed = 1; seed <= 5; seed++) {
            Layer l = layer(seed, 30);
            for (SparsityTarget t : new SparsityTarget[] {SparsityTarget.nOfM(2, 4), SparsityTarget.nOfM(1, 3)}) {
                CsrMatrix ours = new SparseGpt(6, 0.01).prune(l.w(), l.stats(), t);
                assertSame(ObsReference.prune(l.w().values(), ROWS, COLS, l.hessian(), 0.01, 6, t), ours,
                        "seed " + seed + ", " + t);
                for (int r = 0; r < ROWS; r++) {
                    for (int g = 0; g < COLS; g += t.m()) {
                        int kept = 0;
                        for (int c = g; c < g + t.m(); c++) {
                            kept += ours.pattern().contains(r, c) ? 1 : 0;
                        }
                        assertEquals(t.n(), kept, "row " + r + ", group " + g);
                    }
                }
            }
        }
    }

    @Test
    void nothingToPruneLeavesEveryWeightAsItWas() {
        Layer l = layer(9, 40);
        CsrMatrix same = SparseGpt.defaults().prune(l.w(), l.stats(), SparsityTarget.unstructured(0));
        assertEquals(ROWS * COLS, same.nnz());
        for (int i = 0; i < ROWS * COLS; i++) {
            assertEquals(l.w().values()[i], same.values()[i]);
        }
    }

    @Test
    void anInputNoTokenTouchedIsPrunedEverywhere() {
        Rng rng = new Rng(12);
        WeightMatrix w = WeightMatrix.of(Layers.weight(rng, ROWS, COLS));
        Tensor x = Layers.inputs(rng, COLS, 30);
        for (int t = 0; t < 30; t++) {
            x.data()[5 * 30 + t] = 0;                              // input 5 is always 0
        }
        LayerStatistics stats = new LayerStatistics(w.name(), COLS, EnumSet.of(Statistic.HESSIAN));
        stats.add(x);
        CsrMatrix pruned = SparseGpt.defaults().prune(w, stats, SparsityTarget.unstructured(0.25));
        for (int r = 0; r < ROWS; r++) {
            assertTrue(!pruned.pattern().contains(r, 5), "row " + r + " kept the dead input");
        }
        assertEquals(ROWS * COLS - (int) Math.floor(0.25 * ROWS * COLS), pruned.nnz());
    }

    @Test
    void aLayerNoCalibrationTokenReachedIsAnErrorThatNamesIt() {
        WeightMatrix w = WeightMatrix.of(Layers.weight(new Rng(1), ROWS, COLS));
        LayerStatistics none = new LayerStatistics(w.name(), COLS, EnumSet.of(Statistic.HESSIAN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseGpt.defaults().prune(w, none, SparsityTarget.unstructured(0.5)));
        assertTrue(e.getMessage().contains("layer.weight"), e.getMessage());
    }
}
