package rewire.sparsity;

import rewire.kernel.TopK;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;

/**
 * N:M fine-grained sparsity trained with the sparse-refined straight-through estimator (SR-STE;
 * Zhou et al., ICLR 2021, "Learning N:M Fine-grained Structured Sparse Neural Networks From
 * Scratch", METHODS I.6). The layer keeps a dense weight {@code W}; every forward pass uses
 * {@code W ⊙ B}, where the mask {@code B} keeps the {@code n} entries of largest {@code |W|} in each
 * group of {@code m} consecutive entries of the flattened row-major weight (along the inputs of a
 * linear layer). The backward pass is the straight-through gradient plus a decay of the pruned
 * entries: {@code g = ∇_{W⊙B} L + lambda (1 - B) ⊙ W}.
 *
 * <p>Call order per step (the trainer's hook): {@link #mask} on the current dense weight, forward
 * and backward with {@code W ⊙ B} (or {@link #pattern} for a sparse kernel), then
 * {@link #refineGradient} on the dense gradient, then the optimizer. With {@code n = m} nothing is
 * pruned and this is plain dense training.
 *
 * @param n      entries kept per group
 * @param m      group size
 * @param lambda decay of pruned entries, 2e-4 in the paper
 */
public record SrSte(int n, int m, double lambda) {

    public SrSte {
        if (m <= 0 || n < 0 || n > m) {
            throw new IllegalArgumentException("N:M needs 0 <= n <= m and m > 0, got " + n + ":" + m);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("SR-STE lambda must be finite and non-negative, got " + lambda);
        }
    }

    /** The N:M mask of a dense weight (row-major, length a multiple of m); ties go to the lower index. */
    public boolean[] mask(float[] w) {
        if (w.length % m != 0) {
            throw new IllegalArgumentException("weight of " + w.length + " entries does not split into groups of " + m);
        }
        boolean[] mask = new boolean[w.length];
        float[] group = new float[m];
        for (int g = 0; g < w.length; g += m) {
            for (int i = 0; i < m; i++) {
                group[i] = Math.abs(w[g + i]);
            }
            for (int i : TopK.largest(group, n)) {
                mask[g + i] = true;
            }
        }
        return mask;
    }

    /** The sparsity pattern of {@link #mask} for a {@code rows x cols} weight, for sparse forward kernels. */
    public SparsityPattern pattern(float[] w, int rows, int cols) {
        if ((long) rows * cols != w.length) {
            throw new IllegalArgumentException("weight of " + w.length + " entries is not " + rows + " x " + cols);
        }
        return Patterns.fromMask(mask(w), rows, cols);
    }

    /** Writes the forward weight {@code W ⊙ B} into {@code out}. */
    public void applyMask(float[] w, boolean[] mask, float[] out) {
        requireSameLength(w, mask.length, out.length);
        for (int i = 0; i < w.length; i++) {
            out[i] = mask[i] ? w[i] : 0f;
        }
    }

    /** Adds the SR-STE term in place: {@code grad += lambda (1 - B) ⊙ W}. */
    public void refineGradient(float[] w, boolean[] mask, float[] grad) {
        requireSameLength(w, mask.length, grad.length);
        float l = (float) lambda;
        for (int i = 0; i < w.length; i++) {
            if (!mask[i]) {
                grad[i] += l * w[i];
            }
        }
    }

    private static void requireSameLength(float[] w, int maskLength, int otherLength) {
        if (maskLength != w.length || otherLength != w.length) {
            throw new IllegalArgumentException("SR-STE arrays differ in length: weight " + w.length + ", mask "
                    + maskLength + ", other " + otherLength);
        }
    }
}
