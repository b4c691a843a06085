package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.optim.Optim;
import rewire.optim.SlotRole;
import rewire.optim.Slots;
import rewire.optim.Transform;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * SNFS's dense momentum is the optimizer's own momentum at every position: fed the same batches,
 * it holds what the optimizer's slots hold for a dense weight (SGD's buffer, or Adam's
 * {@code m / (sqrt(v) + 1e-8)}), and its arrays restore it exactly; SNFS's prune-rate cap for
 * dense layers that are still growing.
 */
class DenseMomentumTest {
    private static final int ROWS = 3;
    private static final int COLS = 5;
    private static final int BATCH = 4;

    @Test
    void followsSgdMomentumAndAdamAsTheOptimizerKeepsThem() {
        for (Transform optimizer : List.of(Optim.momentum(0.1, 0.8, false), Optim.adam(0.01, 0.9, 0.99, 1e-8))) {
            DenseParam weight = new DenseParam("w", Tensor.zeros(ROWS * COLS));
            Slots slots = new Slots();
            optimizer.init(List.<Param>of(weight), slots);
            DenseMomentum momentum = new DenseMomentum(ROWS, COLS, optimizer.momentRule().orElseThrow());
            Rng rng = new Rng(5);
            for (long step = 0; step < 4; step++) {
                Tensor x = Fixtures.batch(COLS, BATCH, rng);
                Tensor dy = Fixtures.batch(ROWS, BATCH, rng);
                float[] g = weight.grad();
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c < COLS; c++) {
                        double sum = 0;
                        for (int b = 0; b < BATCH; b++) {
                            sum += (double) dy.get(r, b) * x.get(c, b);
                        }
                        g[r * COLS + c] = (float) sum;
                    }
                }
                optimizer.update(List.<Param>of(weight), slots, step);
                momentum.observe(x, dy, Kernels.defaults());
            }
            float[] m = slots.find(weight, SlotRole.FIRST_MOMENT).orElseThrow();
            float[] v = slots.find(weight, SlotRole.SECOND_MOMENT).orElse(null);
            for (int i = 0; i < m.length; i++) {
                double expected = v == null ? m[i] : m[i] / (Math.sqrt(v[i]) + 1e-8);
                assertEquals(expected, momentum.get(i / COLS, i % COLS), 1e-4 * (1 + Math.abs(expected)),
                        optimizer.momentRule().orElseThrow() + ", position " + i);
            }
            DenseMomentum restored = new DenseMomentum(ROWS, COLS, momentum.rule());
            momentum.arrays().forEach(restored::restore);
            for (int i = 0; i < m.length; i++) {
                assertEquals(momentum.get(i / COLS, i % COLS), restored.get(i / COLS, i % COLS), "restored at " + i);
            }
        }
    }

    @Test
    void aDenseLayerThatDrawsMoreThanItsShareOfGrowthPrunesAtMostItsSparsity() {
        Rng rng = new Rng(9);
        // layer 0: 90% dense (sparsity 0.1 < 0.2), layer 1: 10% dense
        LayerView dense = LayerView.of(Fixtures.param("dense", Patterns.random(10, 10, 90, rng), rng));
        LayerView sparse = LayerView.of(Fixtures.param("sparse", Patterns.random(10, 10, 10, rng), rng));
        List<LayerView> layers = List.of(dense, sparse);
        GrowCriterion snfs = GrowCriterion.momentum();
        assertArrayEquals(new double[] {0.1, 0.5}, snfs.pruneRates(layers, 0.5, momenta(layers, 5f, 1f)), 1e-12,
                "the dense layer's mean |momentum| is the larger: it grows, so it prunes at most its sparsity");
        assertArrayEquals(new double[] {0.05, 0.05}, snfs.pruneRates(layers, 0.05, momenta(layers, 5f, 1f)), 1e-12,
                "a schedule's rate below the sparsity stands");
        assertArrayEquals(new double[] {0.5, 0.5}, snfs.pruneRates(layers, 0.5, momenta(layers, 1f, 5f)), 1e-12,
                "a dense layer that draws less than its share prunes at the schedule's rate");
        assertArrayEquals(new double[] {0.5, 0.5}, GrowCriterion.gradient().pruneRates(layers, 0.5, new Slots()),
                1e-12, "other growers keep the schedule's rate");
    }

    // slots whose first moment is `first` on every entry of layer 0 and `second` on layer 1
    private static Slots momenta(List<LayerView> layers, float first, float second) {
        Slots slots = new Slots();
        slots.assignRole("momentum", SlotRole.FIRST_MOMENT);
        java.util.Arrays.fill(slots.get(layers.get(0).param(), "momentum"), first);
        java.util.Arrays.fill(slots.get(layers.get(1).param(), "momentum"), second);
        return slots;
    }
}
