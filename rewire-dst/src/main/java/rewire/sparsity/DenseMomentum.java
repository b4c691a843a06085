package rewire.sparsity;

import java.util.List;
import rewire.kernel.Kernels;
import rewire.optim.MomentRule;
import rewire.tensor.Tensor;

/**
 * One layer's moments of the dense gradient, kept at every position by the optimizer's own rule
 * ({@link MomentRule}): SGD's heavy-ball buffer {@code M = beta M + dy xᵀ}, or Adam's moments
 * {@code m} and {@code v}. It is the momentum that sparse momentum (SNFS; Dettmers and Zettlemoyer,
 * 2019, "Sparse Networks from Scratch: Faster Training without Losing Performance") reads at
 * <em>inactive</em> positions to choose where to grow: the reference trains dense weights under a
 * mask, so its optimizer's buffers hold these moments for free; a sparse model's optimizer has
 * moments only on its entries, so this class keeps the rest with the same decay, gain and, for
 * Adam, the statistic {@code m / (sqrt(v) + 1e-8)} of the reference's
 * {@code get_momentum_for_weight}. (At an inactive position the weight is zero, so weight decay
 * adds nothing to the update there.)
 *
 * <p>Cost, stated plainly: {@code rows * cols} floats of memory per moment (and a gradient buffer
 * for Adam) and one dense {@code (rows, B) x (B, cols)} product per {@link #observe} call, the
 * price of dense training. It is opt-in: only {@link GrowCriterion#momentum} creates it, and a
 * {@link RewireState} feeds it every step. It covers every position, so a topology change leaves
 * it as it is.
 */
public final class DenseMomentum implements CriterionState {
    /** The rule without an optimizer to follow: SGD with momentum 0.9, SNFS's setting. */
    public static final MomentRule SNFS_DEFAULT = MomentRule.heavyBall(0.9);
    static final String NAME = "momentum";
    static final String SECOND_NAME = "momentum.second";

    private final int rows;
    private final int cols;
    private final MomentRule rule;
    private final float[] first;
    private final float[] second;     // null without a second moment
    private final float[] gradient;   // the batch's dense gradient, for a rule that does not fold it in by GEMM
    private boolean observed;

    /** Zero moments for a {@code rows x cols} layer that follow {@code rule}. */
    public DenseMomentum(int rows, int cols, MomentRule rule) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("dense momentum needs a positive shape, got " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.rule = rule;
        int size = Math.multiplyExact(rows, cols);
        this.first = new float[size];
        boolean gemmFolds = !rule.hasSecond() && rule.firstGain() == 1f;
        this.second = rule.hasSecond() ? new float[size] : null;
        this.gradient = gemmFolds ? null : new float[size];
    }

    @Override
    public boolean observesBatches() {
        return true;
    }

    /**
     * Folds in one batch's dense gradient {@code g = dy · xᵀ} by the rule.
     *
     * <pre>
     * x : (cols, B) feature-major inputs   dy : (rows, B) output gradients   m, v : (rows, cols)
     * m = decay1 · m + gain1 · g           v = decay2 · v + (1 - decay2) · g²   (Adam)
     * </pre>
     */
    @Override
    public void observe(Tensor x, Tensor dy, Kernels kernels) {
        if (x.rank() != 2 || dy.rank() != 2 || x.rows() != cols || dy.rows() != rows || x.cols() != dy.cols()) {
            throw new IllegalArgumentException("dense momentum " + rows + " x " + cols + ": x " + x.shape()
                    + " must be (" + cols + ", B) and dy " + dy.shape() + " (" + rows + ", B)");
        }
        float decay = rule.firstDecay();
        if (gradient == null) {
            // SGD: scale, then let the product add g in place
            for (int i = 0; i < first.length; i++) {
                first[i] *= decay;
            }
            kernels.gemm(false, true, dy, x, Tensor.wrap(first, rows, cols), true);
        } else {
            kernels.gemm(false, true, dy, x, Tensor.wrap(gradient, rows, cols), false);
            float gain = rule.firstGain();
            for (int i = 0; i < first.length; i++) {
                first[i] = decay * first[i] + gain * gradient[i];
            }
            if (second != null) {
                float decay2 = rule.secondDecay();
                float gain2 = 1f - decay2;
                for (int i = 0; i < second.length; i++) {
                    second[i] = decay2 * second[i] + gain2 * (gradient[i] * gradient[i]);
                }
            }
        }
        observed = true;
    }

    @Override
    public List<StateArray> arrays() {
        return second == null ? List.of(new StateArray.Floats(NAME, first.clone()))
                : List.of(new StateArray.Floats(NAME, first.clone()), new StateArray.Floats(SECOND_NAME, second.clone()));
    }

    @Override
    public void restore(StateArray saved) {
        String name = saved.name().equals(SECOND_NAME) && second != null ? SECOND_NAME : NAME;
        float[] into = name.equals(SECOND_NAME) ? second : first;
        System.arraycopy(StateArray.floats(saved, name, into.length), 0, into, 0, into.length);
        observed = true;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The rule these moments follow. */
    public MomentRule rule() {
        return rule;
    }

    /** The statistic SNFS reads at (row, col): the first moment, or {@code m / (sqrt(v) + 1e-8)} with a second. */
    public float get(int row, int col) {
        return statistic(row * cols + col);
    }

    private float statistic(int i) {
        return second == null ? first[i] : (float) (first[i] / (Math.sqrt(second[i]) + 1e-8));
    }

    /**
     * Writes {@code |statistic|} of rows {@code [row0, row0 + count)} into {@code out} (count x cols).
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
            out[i] = Math.abs(statistic(from + i));
        }
    }
}
