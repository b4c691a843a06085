package rewire.sparsity;

import java.util.Arrays;
import rewire.kernel.TopK;
import rewire.sparse.DiagonalPattern;

/**
 * The wrap-around ("pseudo") diagonals of DynaDiag (Tyagi et al., ICML 2025, "Dynamic Sparse
 * Training of Diagonally Sparse Networks"; METHODS F.1). A {@code rows x cols} matrix has
 * {@code P = max(rows, cols)} diagonals of length {@code D = min(rows, cols)} that partition it:
 * when {@code rows >= cols}, diagonal {@code p} holds {@code ((c + p) mod rows, c)} for every
 * column {@code c}; otherwise {@code (r, (r + p) mod cols)} for every row {@code r}.
 *
 * <p>DynaDiag learns which diagonals to keep with importance logits {@code alpha} and a soft
 * top-K ({@code rewire.autodiff.DiagonalOps.softTopK}) whose temperature anneals
 * ({@link DiagonalSelection}), then freezes the top K ({@link #freeze}). The logits live in a
 * layer ({@code rewire.nn.DiagonalGate}); this class holds the budget and the freeze.
 * The index math of the diagonals, which {@link Constraint#diagonal()} uses too, is
 * {@link DiagonalPattern}'s, where the diagonal storage format lives.
 */
public final class Diagonals {
    private Diagonals() {
    }

    /**
     * DynaDiag's diagonal budget for density {@code density}:
     * {@code K = max(1, ceil(density * rows * cols / D))}, at most {@code P}.
     */
    public static int budget(int rows, int cols, double density) {
        Distribution.requireDensity(density, "density");
        long k = (long) Math.ceil(density * rows * (double) cols / DiagonalPattern.length(rows, cols) - 1e-9);
        return (int) Math.min(DiagonalPattern.count(rows, cols), Math.max(1, k));
    }

    /** The K diagonals with the largest logits, increasing (DynaDiag's freeze, F.2); ties to the lower index. */
    public static int[] freeze(float[] alpha, int k) {
        int[] top = TopK.largest(alpha, k);
        Arrays.sort(top);
        return top;
    }
}
