package rewire.sparsity;

import java.util.ArrayList;
import java.util.List;
import rewire.nn.SparseParam;
import rewire.optim.SlotRole;
import rewire.optim.Slots;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Small layers with known values, gradients, batches and optimizer slots for engine tests. */
public final class Fixtures {
    public static final String MOMENTUM = "momentum";

    private Fixtures() {
    }

    /** A parameter on {@code pattern} with Gaussian values and gradients. */
    public static SparseParam param(String name, SparsityPattern pattern, Rng rng) {
        float[] values = new float[pattern.nnz()];
        for (int e = 0; e < values.length; e++) {
            values[e] = (float) rng.nextGaussian();
        }
        SparseParam p = new SparseParam(name, new CsrMatrix(pattern, values));
        for (int e = 0; e < values.length; e++) {
            p.grad()[e] = (float) rng.nextGaussian();
        }
        return p;
    }

    /** A parameter from a dense row-major matrix (zeros are absent) and a dense gradient read at its entries. */
    public static SparseParam param(String name, float[][] dense, float[][] grad) {
        int rows = dense.length;
        int cols = dense[0].length;
        Tensor t = Tensor.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t.set(r, c, dense[r][c]);
            }
        }
        CsrMatrix m = Patterns.fromDense(t);
        SparseParam p = new SparseParam(name, m);
        int[] idx = m.pattern().colIdx();
        for (int r = 0; r < rows; r++) {
            for (int e = m.pattern().rowStart(r); e < m.pattern().rowEnd(r); e++) {
                p.grad()[e] = grad == null ? 0f : grad[r][idx[e]];
            }
        }
        return p;
    }

    /** A feature-major random tensor {@code (features, batch)}. */
    public static Tensor batch(int features, int batch, Rng rng) {
        Tensor t = Tensor.zeros(features, batch);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    /** Gives every parameter a random momentum slot, registered as the optimizer's first moment. */
    public static void fillMomentum(Slots slots, List<LayerView> layers, Rng rng) {
        slots.assignRole(MOMENTUM, SlotRole.FIRST_MOMENT);
        for (LayerView l : layers) {
            float[] m = slots.get(l.param(), MOMENTUM);
            for (int e = 0; e < m.length; e++) {
                m[e] = (float) rng.nextGaussian();
            }
        }
    }

    /** Layers of the given {@code (rows, cols)} shapes at about {@code density}, with batches of 5. */
    public static List<LayerView> layers(int[][] shapes, double density, Constraint constraint, Rng rng) {
        List<LayerView> out = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            int rows = shapes[i][0];
            int cols = shapes[i][1];
            int nnz = constraint.feasibleNnz(rows, cols, Math.round(density * rows * cols));
            SparsityPattern p = constraint.randomPattern(rows, cols, nnz, rng.split());
            SparseParam param = param("layer" + i, p, rng);
            out.add(LayerView.of(param).withBatch(batch(cols, 5, rng), batch(rows, 5, rng)));
        }
        return out;
    }

    /** A state of {@code rewirer} for these layers that has observed each layer's batch once. */
    public static RewireState observedState(Rewirer rewirer, List<LayerView> layers) {
        RewireState state = rewirer.newState(layers.stream().map(LayerView::param).toList());
        for (int i = 0; i < layers.size(); i++) {
            state.observe(i, layers.get(i).activations(), layers.get(i).outputGrad(), rewire.kernel.Kernels.defaults());
        }
        return state;
    }

    /** The dense gradient {@code dy · xᵀ} at (row, col), for brute-force checks. */
    public static float denseGrad(LayerView l, int row, int col) {
        Tensor x = l.activations();
        Tensor dy = l.outputGrad();
        float sum = 0;
        for (int b = 0; b < x.cols(); b++) {
            sum += dy.get(row, b) * x.get(col, b);
        }
        return sum;
    }
}
