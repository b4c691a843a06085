package rewire.sparsity;

import java.util.List;
import rewire.kernel.Kernels;
import rewire.tensor.Tensor;

/**
 * A dense exponential moving average of one layer's dense gradient, {@code M = beta M + dy xᵀ}:
 * the momentum that sparse momentum (SNFS; Dettmers and Zettlemoyer, 2019, "Sparse Networks from
 * Scratch: Faster Training without Losing Performance") reads at <em>inactive</em> positions to
 * choose where to grow. The reference implementation gets it for free from a dense momentum
 * buffer; a sparse model has momentum only on its entries, so this class keeps the rest.
 *
 * <p>Cost, stated plainly: {@code rows * cols} floats of memory and one dense
 * {@code (rows, B) x (B, cols)} product per {@link #observe} call, the price of dense training.
 * It is opt-in: only {@link GrowCriterion#momentum} creates it, and a {@link RewireState} feeds
 * it every step. It covers every position, so a topology change leaves it as it is.
 */
public final class DenseMomentum implements CriterionState {
    /** SNFS's momentum decay. */
    static final float SNFS_BETA = 0.9f;
    static final String NAME = "momentum";

    private final int rows;
    private final int cols;
    private final float beta;
    private final float[] values;
    private boolean observed;

    /**
     * A zero momentum for a {@code rows x cols} layer.
     *
     * @param beta the decay, 0.9 in SNFS; in [0, 1)
     */
    public DenseMomentum(int rows, int cols, float beta) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("dense momentum needs a positive shape, got " + rows + " x " + cols);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum beta must be in [0, 1), got " + beta);
        }
        this.rows = rows;
        this.cols = cols;
        this.beta = beta;
        this.values = new float[Math.multiplyExact(rows, cols)];
    }

    @Override
    public boolean observesBatches() {
        return true;
    }

    /**
     * Folds in one batch's dense gradient.
     *
     * <pre>
     * x : (cols, B) feature-major inputs   dy : (rows, B) output gradients   M : (rows, cols)
     * M = beta * M + dy · xᵀ
     * </pre>
     */
    @Override
    public void observe(Tensor x, Tensor dy, Kernels kernels) {
        if (x.rank() != 2 || dy.rank() != 2 || x.rows() != cols || dy.rows() != rows || x.cols() != dy.cols()) {
            throw new IllegalArgumentException("dense momentum " + rows + " x " + cols + ": x " + x.shape()
                    + " must be (" + cols + ", B) and dy " + dy.shape() + " (" + rows + ", B)");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] *= beta;
        }
        kernels.gemm(false, true, dy, x, Tensor.wrap(values, rows, cols), true);
        observed = true;
    }

    @Override
    public List<StateArray> arrays() {
        return List.of(new StateArray.Floats(NAME, values.clone()));
    }

    @Override
    public void restore(StateArray saved) {
        System.arraycopy(StateArray.floats(saved, NAME, values.length), 0, values, 0, values.length);
        observed = true;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public float beta() {
        return beta;
    }

    /** The momentum at (row, col). */
    public float get(int row, int col) {
        return values[row * cols + col];
    }

    /**
     * Writes {@code |M|} of rows {@code [row0, row0 + count)} into {@code out} (count x cols).
     *
     * @throws IllegalStateException if no batch was ever observed: growth would rank zeros
     */
    void absRows(int row0, int count, float[] out) {
        if (!observed) {
            throw new IllegalStateException("SNFS's dense momentum " + rows + " x " + cols + " has seen no batch: "
                    + "call RewireState.observe at every training step");
        }
        int from = row0 * cols;
        for (int i = 0; i < count * cols; i++) {
            out[i] = Math.abs(values[from + i]);
        }
    }
}
