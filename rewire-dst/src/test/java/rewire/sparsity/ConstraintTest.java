package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.autodiff.DiagonalOps;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** Structures (unstructured, N:M, constant fan-in, block, diagonal) and DynaDiag's diagonal math (METHODS F.5). */
class ConstraintTest {

    @Test
    void randomPatternsSatisfyTheirConstraint() {
        Rng rng = new Rng(3);
        assertNull(Constraint.nOfM(2, 4).violation(Constraint.nOfM(2, 4).randomPattern(5, 12, 30, rng)));
        assertNull(Constraint.constantFanIn().violation(Constraint.constantFanIn().randomPattern(6, 9, 24, rng)));
        assertNull(Constraint.block(2, 3).violation(Constraint.block(2, 3).randomPattern(4, 9, 18, rng)));
        assertNull(Constraint.diagonal().violation(Constraint.diagonal().randomPattern(7, 4, 12, rng)));
        assertEquals(30, Constraint.nOfM(2, 4).randomPattern(5, 12, 30, rng).nnz());
    }

    @Test
    void violationsAreNamed() {
        SparsityPattern p = Patterns.fromMask(new boolean[] {true, true, true, false, true, false, false, false}, 2, 4);
        assertTrue(Constraint.nOfM(2, 4).violation(p).contains("row 0"));
        assertNotNull(Constraint.constantFanIn().violation(p));
        assertNotNull(Constraint.block(1, 2).violation(p));
        assertNull(Constraint.unstructured().violation(p));
        assertThrows(IllegalArgumentException.class, () -> Constraint.nOfM(2, 4).randomPattern(2, 6, 6, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> Constraint.constantFanIn().randomPattern(3, 6, 7, new Rng(1)));
    }

    @Test
    void feasibleCountsRoundToTheStructure() {
        assertEquals(30, Constraint.nOfM(2, 4).feasibleNnz(5, 12, 7));
        assertEquals(24, Constraint.constantFanIn().feasibleNnz(6, 9, 25));
        assertEquals(54, Constraint.constantFanIn().feasibleNnz(6, 9, 1000));
        assertEquals(18, Constraint.block(2, 3).feasibleNnz(4, 9, 20));
        // DynaDiag: K = max(1, ceil(target / D)) diagonals of length D = 4
        assertEquals(4, Constraint.diagonal().feasibleNnz(7, 4, 0));
        assertEquals(12, Constraint.diagonal().feasibleNnz(7, 4, 9));
    }

    @Test
    void groupedKeepPrunesOverfullGroupsToTheirQuotaThenRanksTheRest() {
        // fan-in target 2 per row: row 0 (3 entries) must lose one; one more removal is optional
        SparsityPattern p = Patterns.fromMask(new boolean[] {
            true, true, true, false,
            true, true, false, false}, 2, 4);
        float[] scores = {5, 1, 4, 0.5f, 3};
        boolean[] keep = Constraint.constantFanIn().keep(p, scores, KeyRule.top(), new Rng(1), 2, 4);
        // mandatory: entry 1 (score 1) from row 0; optional: the lowest remaining, entry 3 (0.5)
        assertArrayEquals(new boolean[] {true, false, true, false, true}, keep);
        int[] quota = Constraint.constantFanIn().growQuota(Patterns.fromMask(new boolean[] {
            true, false, true, false,
            true, false, false, false}, 2, 4), 4);
        assertArrayEquals(new int[] {0, 1}, quota);
    }

    @Test
    void groupedSelectFillsEachGroupWithItsBestPositions() {
        // 1:2 on a 1 x 4 layer with both groups empty: scores 1 2 | 4 3 -> columns 1 and 2
        SparsityPattern empty = Patterns.empty(1, 4);
        float[] s = {1, 2, 4, 3};
        Selection sel = Constraint.nOfM(1, 2).select(empty, empty, new int[] {1, 1},
                (row0, count, out) -> System.arraycopy(s, 0, out, 0, 4), KeyRule.top(), new Rng(1), 4);
        assertArrayEquals(new long[] {1, 2}, sel.positions());
    }

    @Test
    void unitsPruneAndGrowWholeBlocks() {
        // 2 x 4 layer, blocks of 1 x 2: present blocks 0 and 1 (row 0); scores favour block 1
        SparsityPattern p = Patterns.fromMask(new boolean[] {
            true, true, true, true,
            false, false, false, false}, 2, 4);
        Constraint blocks = Constraint.block(1, 2);
        boolean[] keep = blocks.keep(p, new float[] {1, 1, 5, 5}, KeyRule.top(), new Rng(1), 2, 4);
        assertArrayEquals(new boolean[] {false, false, true, true}, keep);
        SparsityPattern kept = Patterns.fromMask(new boolean[] {
            false, false, true, true,
            false, false, false, false}, 2, 4);
        assertArrayEquals(new int[] {1}, blocks.growQuota(kept, 4));
        float[] scores = {9, 9, 0, 0, 1, 1, 3, 0};
        Selection sel = blocks.select(kept, kept, new int[] {1}, (row0, count, out) ->
                System.arraycopy(scores, row0 * 4, out, 0, count * 4), KeyRule.top(), new Rng(1), 4);
        assertArrayEquals(new long[] {0, 1}, sel.positions(), "block 0 sums to 18");
    }

    @Test
    void diagonalLayoutMatchesDynaDiag() {
        SparsityPattern frozen = DiagonalPattern.of(5, 3, Diagonals.freeze(new float[] {0.1f, 0.9f, 0.3f, 0.8f, 0.2f}, 2))
                .toCsr();
        assertEquals(2 * 3, frozen.nnz(), "after the freeze nnz = K * D");
        assertNull(Constraint.diagonal().violation(frozen));
        assertTrue(frozen.contains(1, 0) && frozen.contains(3, 0));
    }

    @Test
    void dynaDiagBudgetAndSoftTopK() {
        assertEquals(1, Diagonals.budget(100, 100, 0.0));
        assertEquals(10, Diagonals.budget(100, 100, 0.1));
        assertEquals(DiagonalPattern.count(30, 10), Diagonals.budget(30, 10, 1.0));
        float[] alpha = {0.5f, 2f, -1f, 0.3f, 1.5f};
        for (double tau : new double[] {5, 1, 0.05}) {
            float[] a = DiagonalOps.softTopK(alpha, 2, tau);
            double sum = 0;
            for (float v : a) {
                assertTrue(v >= 0 && v <= 1);
                sum += v;
            }
            assertTrue(sum <= 2 + 1e-6, "sum " + sum);
        }
        float[] cold = DiagonalOps.softTopK(alpha, 2, 0.01);
        assertEquals(1, cold[1], 1e-6);
    }
}
