package rewire.sparsity;

import java.util.Arrays;
import rewire.kernel.TopK;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;

/**
 * The wrap-around ("pseudo") diagonals of DynaDiag (Tyagi et al., ICML 2025, "Dynamic Sparse
 * Training of Diagonally Sparse Networks"; METHODS F.1). A {@code rows x cols} matrix has
 * {@code P = max(rows, cols)} diagonals of length {@code D = min(rows, cols)} that partition it:
 * when {@code rows >= cols}, diagonal {@code p} holds {@code ((c + p) mod rows, c)} for every
 * column {@code c}; otherwise {@code (r, (r + p) mod cols)} for every row {@code r}.
 *
 * <p>DynaDiag learns which diagonals to keep with importance logits {@code alpha} and a soft
 * top-K ({@link #softTopK}) whose temperature anneals, then freezes the top K ({@link #freeze}).
 * The logits live in a layer; this class holds the pure index math and selection functions that
 * such a layer and {@link Constraint#diagonal()} share.
 */
public final class Diagonals {
    private Diagonals() {
    }

    /** Number of diagonals, {@code max(rows, cols)}. */
    public static int count(int rows, int cols) {
        return Math.max(rows, cols);
    }

    /** Length of each diagonal, {@code min(rows, cols)}. */
    public static int length(int rows, int cols) {
        return Math.min(rows, cols);
    }

    /** The diagonal holding position (row, col). */
    public static int of(int rows, int cols, int row, int col) {
        return rows >= cols ? Math.floorMod(row - col, rows) : Math.floorMod(col - row, cols);
    }

    /** The i-th position {@code row * cols + col} of diagonal {@code p}, {@code 0 <= i < length}. */
    public static long position(int rows, int cols, int p, int i) {
        return rows >= cols ? (long) ((i + p) % rows) * cols + i : (long) i * cols + (i + p) % cols;
    }

    /**
     * DynaDiag's diagonal budget for density {@code density}:
     * {@code K = max(1, ceil(density * rows * cols / D))}, at most {@code P}.
     */
    public static int budget(int rows, int cols, double density) {
        Distribution.requireDensity(density, "density");
        long k = (long) Math.ceil(density * rows * (double) cols / length(rows, cols) - 1e-9);
        return (int) Math.min(count(rows, cols), Math.max(1, k));
    }

    /** The pattern made of the given diagonals. */
    public static SparsityPattern pattern(int rows, int cols, int[] diagonals) {
        int d = length(rows, cols);
        long[] positions = new long[diagonals.length * d];
        int n = 0;
        for (int p : diagonals) {
            if (p < 0 || p >= count(rows, cols)) {
                throw new IllegalArgumentException("diagonal " + p + " outside [0, " + count(rows, cols) + ")");
            }
            for (int i = 0; i < d; i++) {
                positions[n++] = position(rows, cols, p, i);
            }
        }
        Arrays.sort(positions);
        return Patterns.fromSortedPositions(rows, cols, positions);
    }

    /**
     * The soft top-K weights {@code a = clamp(K * softmax(alpha / tau), 0, 1)} of DynaDiag's
     * forward pass (F.1); their sum is at most K.
     */
    public static float[] softTopK(float[] alpha, int k, double tau) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + tau);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float a : alpha) {
            max = Math.max(max, a / tau);
        }
        double[] e = new double[alpha.length];
        double sum = 0;
        for (int i = 0; i < alpha.length; i++) {
            e[i] = Math.exp(alpha[i] / tau - max);
            sum += e[i];
        }
        float[] out = new float[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            out[i] = (float) Math.min(1, Math.max(0, k * e[i] / sum));
        }
        return out;
    }

    /** The K diagonals with the largest logits, increasing (DynaDiag's freeze, F.2); ties to the lower index. */
    public static int[] freeze(float[] alpha, int k) {
        int[] top = TopK.largest(alpha, k);
        Arrays.sort(top);
        return top;
    }
}
