package rewire.bench;

import java.util.List;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.DenseMomentum;
import rewire.sparsity.LayerView;
import rewire.sparsity.MomentumSlots;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * One sparse layer as a trainer holds it at an update step, the fixed start of every
 * {@link RewireBenchmark} invocation: a uniformly random pattern, Gaussian weights, an SGD
 * momentum slot (what SNFS reads, and what every optimizer slot costs in the remap), the last
 * batch's feature-major activations and output gradients, and optionally a {@link DenseMomentum}
 * fed with that batch.
 *
 * <pre>
 * W : CSR (out, in), nnz entries    x : (in, B)    dy : (out, B)    dense momentum : (out, in)
 * </pre>
 *
 * An update replaces the parameter's arrays and slots, so {@link #fresh()} hands out a new
 * parameter each time; the pattern, {@code x}, {@code dy} and the dense momentum are only read.
 */
final class RewireBenchmarkLayer {
    static final String NAME = "layer";
    /** SNFS's decay of the dense momentum. */
    static final float MOMENTUM_BETA = 0.9f;

    private final SparsityPattern pattern;
    private final float[] values;
    private final float[] momentum;
    private final Tensor x;
    private final Tensor dy;
    private final DenseMomentum denseMomentum;

    private RewireBenchmarkLayer(SparsityPattern pattern, float[] values, float[] momentum, Tensor x, Tensor dy,
                                 DenseMomentum denseMomentum) {
        this.pattern = pattern;
        this.values = values;
        this.momentum = momentum;
        this.x = x;
        this.dy = dy;
        this.denseMomentum = denseMomentum;
    }

    /**
     * A layer of {@code round(density * out * in)} random connections; the same {@code seed}
     * gives the same layer.
     *
     * @param withDenseMomentum whether to build a dense momentum, one {@code accumulate} of the batch
     * @param kernels           the kernels that accumulate it
     */
    static RewireBenchmarkLayer create(int out, int in, int batch, double density, boolean withDenseMomentum,
                                       Kernels kernels, long seed) {
        if (out < 1 || in < 1 || batch < 1 || !(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("a benchmark layer needs positive sizes and density in (0, 1], got "
                    + out + " x " + in + ", batch " + batch + ", density " + density);
        }
        Rng rng = new Rng(seed);
        int nnz = (int) Math.round(density * out * in);
        SparsityPattern pattern = Patterns.random(out, in, nnz, rng.fold(0));
        float[] values = LayerOperands.gaussian(rng.fold(1), 1, nnz).data();
        float[] momentum = LayerOperands.gaussian(rng.fold(2), 1, nnz).data();
        Tensor x = LayerOperands.gaussian(rng.fold(3), in, batch);
        Tensor dy = LayerOperands.gaussian(rng.fold(4), out, batch);
        DenseMomentum dense = null;
        if (withDenseMomentum) {
            dense = new DenseMomentum(out, in, MOMENTUM_BETA);
            dense.accumulate(kernels, x, dy);
        }
        return new RewireBenchmarkLayer(pattern, values, momentum, x, dy, dense);
    }

    /** The layer views and optimizer slots of one update. */
    record Fresh(List<LayerView> layers, Slots slots) {
        SparseParam param() {
            return layers.getFirst().param();
        }
    }

    /**
     * A new parameter at the starting pattern with copies of the starting values and momentum
     * slot (allocating {@code 12 nnz} bytes: values, zero gradient, slot), viewed with the batch
     * and, if built, the dense momentum.
     */
    Fresh fresh() {
        SparseParam param = new SparseParam(NAME, new CsrMatrix(pattern, values.clone()));
        Slots slots = new Slots();
        slots.put(param, MomentumSlots.defaults().momentum(), momentum.clone());
        LayerView view = LayerView.of(param).withBatch(x, dy);
        if (denseMomentum != null) {
            view = view.withDenseMomentum(denseMomentum);
        }
        return new Fresh(List.of(view), slots);
    }

    SparsityPattern pattern() {
        return pattern;
    }

    int nnz() {
        return pattern.nnz();
    }
}
