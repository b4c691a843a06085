package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.nn.SparseParam;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Layers with more than 2^31 positions ({@code rows * cols}), each holding a pattern of a few
 * entries, so nothing of size {@code rows * cols} could be allocated: the selections, growth and
 * the ever-active positions index them with 64-bit positions. A million-neuron MLP has 10^12
 * positions per hidden layer.
 */
class WideLayerTest {
    private static final long TWO_TO_31 = 1L << 31;

    private static Rewirer.Builder once(double zeta) {
        return Rewirer.builder().cadence(Cadence.once(1)).dropFraction(Schedule.constant(zeta));
    }

    // a pattern of rows x cols from sorted positions
    private static SparsityPattern pattern(int rows, int cols, long... positions) {
        return Patterns.fromSortedPositions(rows, cols, positions);
    }

    @Test
    void aSelectionSortsPositionsAbove2To31WithTheirKeys() {
        Selection s = Selection.unsorted(new long[] {500_000_000_000L, 3, TWO_TO_31 + 7}, new float[] {1f, 2f, 3f});
        assertArrayEquals(new long[] {3, TWO_TO_31 + 7, 500_000_000_000L}, s.positions());
        assertArrayEquals(new float[] {2f, 3f, 1f}, s.keys());
    }

    @Test
    void setRewiresAMillionByMillionLayer() {
        int n = 1_000_000;
        long[] at = new long[40];
        for (int i = 0; i < at.length; i++) {
            at[i] = (long) (i * 24_999 + 7) * n + i * 11;  // rows 7 .. 974,968: most positions beyond 2^31
        }
        SparseParam p = Fixtures.param("w", pattern(n, n, at), new Rng(1));
        Rewirer set = once(0.5).prune(PruneCriterion.set()).grow(GrowCriterion.random()).build();
        SparsityPattern before = p.pattern();
        RewireReport report = set.maybeRewire(1, List.of(LayerView.of(p)), new Slots(), new Rng(5));

        assertEquals(20, report.pruned());
        assertEquals(20, report.grown());
        assertEquals(40, p.pattern().nnz());
        int grownBeyond = 0;
        SparsityPattern after = p.pattern();
        for (int r = 0; r < n; r++) {
            for (int e = after.rowStart(r); e < after.rowEnd(r); e++) {
                int c = after.colIdx()[e];
                if (!before.contains(r, c)) {
                    grownBeyond += (long) r * n + c >= TWO_TO_31 ? 1 : 0;
                    assertEquals(0f, p.weight().get(r, c), "a grown weight starts at zero");
                }
            }
        }
        assertTrue(grownBeyond > 15, "random growth in 10^12 positions lands beyond 2^31: " + grownBeyond + " of 20");
        assertEquals(60 / 1e12, report.layers().getFirst().explorationRate(), 1e-24, "40 initial + 20 grown");
    }

    @Test
    void riglGrowsWhereTheDenseGradientOfAWideLayerIsLargest() {
        // 46,341 x 46,341: just over 2^31 positions, every one scored (the cost of this test). dy
        // and x are zero but for a few rows, so the dense gradient dy · xᵀ (never formed whole) is
        // largest at known positions of the last row, the only one that reaches beyond 2^31.
        int n = 46_341;
        int last = n - 1;
        SparseParam p = Fixtures.param("w", pattern(n, n, 0, 1, 2, (long) last * n + 9), new Rng(2));
        System.arraycopy(new float[] {0.1f, 0.2f, 3f, 5f}, 0, p.values(), 0, 4);  // magnitude prunes (0, 0), (0, 1)
        Tensor x = Tensor.zeros(n, 1);
        Tensor dy = Tensor.zeros(n, 1);
        x.set(9, 0, 5f);        // (last, 9) is kept: not a candidate
        x.set(45_000, 0, 2f);
        x.set(46_000, 0, 3f);
        dy.set(last, 0, 4f);
        dy.set(45_000, 0, -1f);
        Rewirer rigl = once(0.5).prune(PruneCriterion.magnitude()).grow(GrowCriterion.gradient()).build();
        RewireReport report = rigl.maybeRewire(1, List.of(LayerView.of(p).withBatch(x, dy)), new Slots(), new Rng(3));

        assertEquals(2, report.grown());
        // |dy·xᵀ| outside the kept entries: (last, 46,000) 12, (last, 45,000) 8, (45,000, 9) 5, ...
        assertTrue(p.pattern().contains(last, 46_000));
        assertTrue(p.pattern().contains(last, 45_000));
        assertFalse(p.pattern().contains(45_000, 9));
        assertTrue((long) last * n + 45_000 > TWO_TO_31);
    }

    @Test
    void theEverActivePositionsOfAWideLayerRoundTrip() {
        int n = 1_000_000;
        SparsityPattern first = pattern(n, n, 5, (long) 999_999 * n + 999_999);
        SparsityPattern second = pattern(n, n, 5, (long) 500_000 * n + 1);
        EverActive explored = new EverActive(first);
        explored.mark(second);
        assertEquals(3, explored.count());
        EverActive restored = new EverActive(second);
        restored.restore(explored.arrays().getFirst());
        assertEquals(3, restored.count());
        assertEquals(3 / 1e12, restored.rate(), 1e-24);
    }
}
