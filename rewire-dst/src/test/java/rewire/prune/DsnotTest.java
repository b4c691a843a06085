package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** DSnoT swaps weights within each row (each N:M group), never changes a value, and never lets a row's expected error grow. */
class DsnotTest {
    private static final int ROWS = 8;
    private static final int IN = 16;

    private static LayerStatistics stats(Rng rng, WeightMatrix w) {
        LayerStatistics s = new LayerStatistics(w.name(), IN, EnumSet.allOf(Statistic.class));
        s.add(Layers.inputs(rng, IN, 50));
        return s;
    }

    // ε of row r: Σ over the pruned inputs of W_rj · μ_j
    private static double error(WeightMatrix w, SparsityPattern kept, double[] mean, int r) {
        double e = 0;
        for (int j = 0; j < IN; j++) {
            e += kept.contains(r, j) ? 0 : w.values()[r * IN + j] * mean[j];
        }
        return e;
    }

    @Test
    void unstructuredSwapsKeepEachRowsCountAndNeverRaiseItsError() {
        double improved = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Rng rng = new Rng(seed);
            WeightMatrix w = WeightMatrix.of(Layers.weight(rng, ROWS, IN));
            LayerStatistics s = stats(rng, w);
            SparsityTarget half = SparsityTarget.unstructured(0.5);
            CsrMatrix start = ScoreCriterion.WANDA.prune(w, s, half);
            CsrMatrix refined = Dsnot.over(ScoreCriterion.WANDA).prune(w, s, half);
            for (int r = 0; r < ROWS; r++) {
                assertEquals(start.pattern().rowEnd(r) - start.pattern().rowStart(r),
                        refined.pattern().rowEnd(r) - refined.pattern().rowStart(r), "seed " + seed + ", row " + r);
                double before = Math.abs(error(w, start.pattern(), s.means(), r));
                double after = Math.abs(error(w, refined.pattern(), s.means(), r));
                assertTrue(after <= before + 1e-9, "seed " + seed + ", row " + r + ": |ε| " + before + " -> " + after);
                improved += before - after;
            }
            for (int r = 0; r < ROWS; r++) {
                for (int e = refined.pattern().rowStart(r); e < refined.pattern().rowEnd(r); e++) {
                    assertEquals(w.values()[r * IN + refined.pattern().colIdx()[e]], refined.values()[e]);
                }
            }
        }
        assertTrue(improved > 0, "no row's error shrank in ten layers");
    }

    @Test
    void nOfMSwapsStayInsideTheirGroup() {
        Rng rng = new Rng(21);
        WeightMatrix w = WeightMatrix.of(Layers.weight(rng, ROWS, IN));
        LayerStatistics s = stats(rng, w);
        CsrMatrix refined = Dsnot.over(ScoreCriterion.WANDA).prune(w, s, SparsityTarget.nOfM(2, 4));
        CsrMatrix start = ScoreCriterion.WANDA.prune(w, s, SparsityTarget.nOfM(2, 4));
        for (int r = 0; r < ROWS; r++) {
            for (int g = 0; g < IN; g += 4) {
                int kept = 0;
                for (int c = g; c < g + 4; c++) {
                    kept += refined.pattern().contains(r, c) ? 1 : 0;
                }
                assertEquals(2, kept, "row " + r + ", group " + g);
            }
            assertTrue(Math.abs(error(w, refined.pattern(), s.means(), r))
                    <= Math.abs(error(w, start.pattern(), s.means(), r)) + 1e-9, "row " + r);
        }
    }

    @Test
    void noCyclesLeaveTheCriterionsMask() {
        Rng rng = new Rng(5);
        WeightMatrix w = WeightMatrix.of(Layers.weight(rng, ROWS, IN));
        LayerStatistics s = stats(rng, w);
        assertEquals(ScoreCriterion.RIA.prune(w, s, SparsityTarget.unstructured(0.6)).pattern(),
                new Dsnot(ScoreCriterion.RIA, 0, 0).prune(w, s, SparsityTarget.unstructured(0.6)).pattern());
    }
}
