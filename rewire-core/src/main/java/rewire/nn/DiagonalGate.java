package rewire.nn;

import rewire.autodiff.DiagonalOps;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * DynaDiag's learned choice of diagonals for one layer (Tyagi et al., ICML 2025; METHODS F.1-F.2):
 * importance logits {@code alpha (P,)}, one per wrap-around diagonal, a budget of K diagonals and
 * a temperature. Until it is frozen the layer multiplies by {@code Σ_p a_p · diag_p(V)} with
 * {@code a = clamp(K · softmax(alpha / tau), 0, 1)} ({@link DiagonalOps#gate}); freezing keeps the
 * K diagonals of largest logit at weight 1 and stops the logits' gradient, after which the layer
 * is exactly its K diagonals. The training loop anneals the temperature and decides when to
 * freeze; this class holds the state, the temperature in float precision.
 */
public final class DiagonalGate {
    private static final int FROZEN = 0;
    private static final int TEMPERATURE = 1;

    private final DenseParam alpha;
    private final int budget;
    // {frozen ? 1 : 0, temperature}: a buffer, so a checkpoint restores what the layer computes
    private final Buffer state;
    private SparsityPattern indexed;
    private int[] diagonalOf;

    /**
     * A gate over the {@code P = max(rows, cols)} diagonals of a {@code rows x cols} weight, logits
     * named {@code <name>.alpha} and initialized to {@code 1 / P} (F.1), keeping {@code budget}.
     */
    public DiagonalGate(String name, int rows, int cols, int budget) {
        int count = DiagonalPattern.count(rows, cols);
        if (budget < 1 || budget > count) {
            throw new IllegalArgumentException(name + ": a budget of " + budget + " diagonals is outside [1, " + count
                    + "] for " + rows + " x " + cols);
        }
        Tensor logits = Tensor.zeros(count);
        java.util.Arrays.fill(logits.data(), 1f / count);
        this.alpha = new DenseParam(name + ".alpha", logits);
        this.budget = budget;
        this.state = new Buffer(name + ".gate", new float[] {0, 1});
    }

    /** The importance logits {@code (P,)}, a trainable parameter of the layer until the freeze. */
    public DenseParam alpha() {
        return alpha;
    }

    /** K, the diagonals kept at the freeze. */
    public int budget() {
        return budget;
    }

    public double temperature() {
        return state.values()[TEMPERATURE];
    }

    /** Sets the soft top-K's temperature for the forward passes that follow. */
    public void setTemperature(double tau) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException(alpha.name() + ": temperature must be positive, got " + tau);
        }
        state.values()[TEMPERATURE] = (float) tau;
    }

    public boolean isFrozen() {
        return state.values()[FROZEN] != 0;
    }

    /** From now on the layer is its pattern as it stands: no gate, no gradient for the logits. */
    public void markFrozen() {
        state.values()[FROZEN] = 1;
        alpha.setRequiresGrad(false);
    }

    /** The frozen flag and the temperature, which checkpoints save with the model. */
    public Buffer state() {
        return state;
    }

    /** The soft top-K weights {@code a (P,)} at the current temperature. */
    public float[] weights() {
        return DiagonalOps.softTopK(alpha.values(), budget, temperature());
    }

    /** DynaDiag's effective count: the diagonals whose weight {@code a_p} exceeds 0.01 (F.2). */
    public int effectiveCount() {
        int n = 0;
        for (float a : weights()) {
            n += a > 0.01f ? 1 : 0;
        }
        return n;
    }

    /** The diagonal of every entry of {@code pattern}, in CSR order; cached for the last pattern asked. */
    int[] diagonalOf(SparsityPattern pattern) {
        if (pattern != indexed) {
            int[] d = new int[pattern.nnz()];
            int[] ptr = pattern.rowPtr();
            int[] idx = pattern.colIdx();
            for (int r = 0; r < pattern.rows(); r++) {
                for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                    d[e] = DiagonalPattern.diagonalOf(pattern.rows(), pattern.cols(), r, idx[e]);
                }
            }
            diagonalOf = d;
            indexed = pattern;
        }
        return diagonalOf;
    }
}
