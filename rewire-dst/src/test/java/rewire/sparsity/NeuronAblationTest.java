package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.nn.SparseParam;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** SRigL's neuron ablation: which rows go, which come back, and what the layer holds after. */
class NeuronAblationTest {
    private static final int ROWS = 4;
    private static final int COLS = 8;

    private static Rewirer srigl(double zeta, double minSalient) {
        return Rewirer.builder().cadence(Cadence.once(1)).dropFraction(Schedule.constant(zeta))
                .prune(PruneCriterion.magnitude()).grow(GrowCriterion.gradient())
                .constraint(Constraint.constantFanIn()).ablation(new NeuronAblation(minSalient)).build();
    }

    // rows 0-2 hold weights near 1 on their first `fanIn` inputs, row 3 holds `lastRow` of them
    private static SparseParam layer(int fanIn, int lastRow, float lastValue) {
        float[][] w = new float[ROWS][COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < (r == ROWS - 1 ? lastRow : fanIn); c++) {
                w[r][c] = r == ROWS - 1 ? lastValue : 1f + 0.1f * c;
            }
        }
        return Fixtures.param("w", w, null);
    }

    // x (COLS, 3) of ones; dy (ROWS, 3) with row r scaled by rowGrad[r]: the dense gradient of row r is rowGrad[r] * 3
    private static LayerView withGradients(SparseParam p, float... rowGrad) {
        Tensor x = Tensor.zeros(COLS, 3);
        java.util.Arrays.fill(x.data(), 1f);
        Tensor dy = Tensor.zeros(ROWS, 3);
        for (int r = 0; r < ROWS; r++) {
            for (int b = 0; b < 3; b++) {
                dy.set(r, b, rowGrad[r]);
            }
        }
        return LayerView.of(p).withBatch(x, dy);
    }

    private static int rowCount(SparsityPattern p, int r) {
        return p.rowEnd(r) - p.rowStart(r);
    }

    @Test
    void aNeuronWithoutSalientWeightsLosesItsInputsAndTheOthersShareItsBudget() {
        // fan-in 4 everywhere, row 3 tiny with no gradient: 4 drops, 12 kept (rows 0-2), the 4 best
        // gradients lie in rows 0-2, so row 3 has 0 salient weights < max(1, floor(0.3 * 4))
        SparseParam p = layer(4, 4, 1e-3f);
        LayerView head = withGradients(layer(4, 4, 1e-3f), 0, 0, 0, 0);
        RewireReport report = srigl(0.25, 0.3).maybeRewire(1, List.of(withGradients(p, 1, 2, 3, 0), head),
                new Slots(), new Rng(7));
        SparsityPattern q = p.pattern();
        assertEquals(0, rowCount(q, 3), "row 3 ablated");
        for (int r = 0; r < 3; r++) {
            assertEquals(5, rowCount(q, r), "the budget of 16 over 3 active rows: floor(16 / 3)");
        }
        RewireReport.Layer l = report.layers().get(0);
        assertEquals(1, l.emptyRows());
        assertEquals(15, l.nnz());
        assertEquals(2L * ROWS * COLS * 3, l.scoringFlops(), "the saliency pass: one more dense dy · xᵀ");
        assertNull(Constraint.constantFanIn().violation(head.param().pattern()), "the last layer is never ablated");
        assertEquals(0, report.layers().get(1).emptyRows());
    }

    @Test
    void anAblatedNeuronWhoseGradientsBecomeSalientIsRevived() {
        // row 3 empty, rows 0-2 at fan-in 5; row 3 now has the largest gradients
        SparseParam p = layer(5, 0, 0f);
        LayerView head = withGradients(layer(4, 4, 1f), 0, 0, 0, 0);
        srigl(0.25, 0.3).maybeRewire(1, List.of(withGradients(p, 0.1f, 0.1f, 0.1f, 9), head), new Slots(), new Rng(7));
        SparsityPattern q = p.pattern();
        for (int r = 0; r < ROWS; r++) {
            assertEquals(4, rowCount(q, r), "the budget 4 x ceil(15 / 4) = 16 over 4 rows again");
        }
    }

    @Test
    void theThresholdFallsSoThatTheActiveRowsCanHoldTheBudget() {
        // minSalient 1 asks every row for its whole fan-in; a 4 x 8 layer at fan-in 6 holds 24, so
        // at least floor(24 / 8) + 1 = 4 rows must stay: nobody is ablated
        Rng rng = new Rng(3);
        List<LayerView> layers = Fixtures.layers(new int[][] {{ROWS, COLS}, {2, ROWS}}, 0.75, Constraint.constantFanIn(),
                rng);
        RewireReport report = srigl(0.5, 1).maybeRewire(1, layers, new Slots(), new Rng(7));
        RewireReport.Layer l = report.layers().get(0);
        assertEquals(0, l.emptyRows());
        assertEquals(24, l.nnz());
    }

    @Test
    void everyUpdateKeepsTheStructureTheDensityAndTheSeed() {
        int ablated = 0;
        for (int seed = 0; seed < 5; seed++) {
            List<LayerView> a = Fixtures.layers(new int[][] {{31, 17}, {9, 31}, {5, 9}}, 0.3, Constraint.constantFanIn(),
                    new Rng(seed));
            List<LayerView> b = Fixtures.layers(new int[][] {{31, 17}, {9, 31}, {5, 9}}, 0.3, Constraint.constantFanIn(),
                    new Rng(seed));
            Rewirer r = srigl(0.5, 0.9);
            int[] budget = r.targets(1, a);
            for (int step = 1; step <= 3; step++) {
                Rewirer each = r.toBuilder().cadence(Cadence.once(step)).build();
                RewireReport ra = each.maybeRewire(step, a, new Slots(), new Rng(seed + 100));
                each.maybeRewire(step, b, new Slots(), new Rng(seed + 100));
                for (int i = 0; i < a.size(); i++) {
                    SparsityPattern p = a.get(i).param().pattern();
                    assertNull(r.constraint().violation(p), "non-empty rows share one fan-in");
                    int active = p.rows() - RewireStep.emptyRows(p);
                    assertEquals(active * (budget[i] / active), p.nnz(), "floor(budget / active) per active row");
                    assertTrue(p.nnz() > budget[i] - p.rows());
                    assertArrayEquals(p.colIdx(), b.get(i).param().pattern().colIdx(), "same seed, same pattern");
                    assertArrayEquals(a.get(i).param().values(), b.get(i).param().values());
                }
                assertEquals(0, ra.layers().get(a.size() - 1).emptyRows(), "the output layer keeps every neuron");
                ablated += ra.layers().getFirst().emptyRows();
                assertArrayEquals(budget, r.targets(step + 1, a), "the budget does not shrink with ablation");
            }
        }
        assertTrue(ablated > 0, "minSalient 0.9 ablates some rows of random layers");
    }

    @Test
    void ablationNeedsConstantFanInAndScoredGrowth() {
        assertThrows(IllegalArgumentException.class, () -> Rewirer.builder().constraint(Constraint.nOfM(2, 4))
                .grow(GrowCriterion.gradient()).ablation(new NeuronAblation(0.3)).build());
        assertThrows(IllegalArgumentException.class, () -> Rewirer.builder().constraint(Constraint.constantFanIn())
                .grow(GrowCriterion.random()).ablation(new NeuronAblation(0.3)).build());
        assertThrows(IllegalArgumentException.class, () -> new NeuronAblation(1.5));
        assertEquals("constant-fan-in+ablation", srigl(0.3, 0.3).constraint().name());
    }
}
