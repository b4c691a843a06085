package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import org.junit.jupiter.api.Test;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.tensor.RandomCases;
import rewire.tensor.Rng;

/** Selections keep exactly what their group promises: floor(s·in) zeros per row, the layer's count, N per M. */
class SelectionTest {

    private static float[] scores(Rng rng, int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) Math.abs(rng.nextGaussian());
        }
        return s;
    }

    @Test
    void everyRowLosesExactlyFloorOfSparsityTimesWidth() {
        forEachSeed(1, 200, rng -> {
            int rows = intBetween(rng, 1, 9);
            int cols = intBetween(rng, 1, 31);
            double s = RandomCases.doubleBetween(rng, 0, 0.99);
            WeightMatrix w = WeightMatrix.of(Layers.weight(rng, rows, cols));
            SparsityPattern p = Selection.keep(w, scores(rng, rows * cols), SparsityTarget.unstructured(s),
                    Selection.Group.ROW);
            for (int r = 0; r < rows; r++) {
                assertEquals((int) Math.floor(s * cols), cols - (p.rowEnd(r) - p.rowStart(r)), "row " + r);
            }
        });
    }

    @Test
    void theLayerKeepsItsCountAndTheBestScores() {
        forEachSeed(2, 200, rng -> {
            int rows = intBetween(rng, 1, 9);
            int cols = intBetween(rng, 1, 31);
            double s = RandomCases.doubleBetween(rng, 0, 0.99);
            float[] scores = scores(rng, rows * cols);
            WeightMatrix w = WeightMatrix.of(Layers.weight(rng, rows, cols));
            SparsityPattern p = Selection.keep(w, scores, SparsityTarget.unstructured(s), Selection.Group.LAYER);
            long size = (long) rows * cols;
            assertEquals(size - (long) Math.floor(s * size), p.nnz());
            float worstKept = Float.MAX_VALUE;
            float bestDropped = -1;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = scores[r * cols + c];
                    if (p.contains(r, c)) {
                        worstKept = Math.min(worstKept, v);
                    } else {
                        bestDropped = Math.max(bestDropped, v);
                    }
                }
            }
            assertTrue(bestDropped <= worstKept, bestDropped + " dropped over " + worstKept + " kept");
        });
    }

    @Test
    void nOfMKeepsExactlyNInEveryGroupOfM() {
        forEachSeed(3, 200, rng -> {
            int m = intBetween(rng, 1, 8);
            int n = intBetween(rng, 1, m);
            int rows = intBetween(rng, 1, 7);
            int cols = m * intBetween(rng, 1, 6);
            WeightMatrix w = WeightMatrix.of(Layers.weight(rng, rows, cols));
            SparsityPattern p = Selection.keep(w, scores(rng, rows * cols), SparsityTarget.nOfM(n, m),
                    Selection.Group.ROW);
            for (int r = 0; r < rows; r++) {
                for (int g = 0; g < cols; g += m) {
                    int inGroup = 0;
                    for (int c = g; c < g + m; c++) {
                        inGroup += p.contains(r, c) ? 1 : 0;
                    }
                    assertEquals(n, inGroup, "row " + r + ", group at " + g);
                }
            }
        });
    }

    @Test
    void entriesThatDoNotExistNeverStayAndTiesGoToTheLowerPosition() {
        Rng rng = new Rng(4);
        SparsityPattern existing = RandomCases.pattern(rng, 4, 8, 0.4);
        WeightMatrix w = WeightMatrix.of(new SparseParam("s.weight", CsrMatrix.zeros(existing)));
        float[] flat = new float[32];
        java.util.Arrays.fill(flat, 1f);
        SparsityPattern p = Selection.keep(w, flat, SparsityTarget.unstructured(0.25), Selection.Group.ROW);
        for (int r = 0; r < 4; r++) {
            int exists = existing.rowEnd(r) - existing.rowStart(r);
            assertEquals(Math.min(exists, 6), p.rowEnd(r) - p.rowStart(r), "row " + r);
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                assertTrue(existing.contains(r, p.colIdx()[e]));
            }
        }
        WeightMatrix dense = WeightMatrix.of(Layers.weight(rng, 1, 4));
        SparsityPattern tie = Selection.keep(dense, new float[] {1, 1, 1, 1}, SparsityTarget.unstructured(0.5),
                Selection.Group.ROW);
        assertTrue(tie.contains(0, 0) && tie.contains(0, 1));
        assertFalse(tie.contains(0, 2));
    }

    @Test
    void nOfMOnAWidthThatIsNoMultipleOfMIsAnErrorThatNamesTheLayer() {
        WeightMatrix w = WeightMatrix.of(Layers.weight(new Rng(5), 2, 6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Selection.keep(w, new float[12], SparsityTarget.nOfM(2, 4), Selection.Group.ROW));
        assertTrue(e.getMessage().contains("layer.weight") && e.getMessage().contains("2:4"), e.getMessage());
    }
}
