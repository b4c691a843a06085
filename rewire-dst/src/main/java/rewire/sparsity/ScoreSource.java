package rewire.sparsity;

/**
 * Scores of every position of one layer, produced a tile of rows at a time so that no dense
 * {@code rows x cols} matrix is ever held: a selection asks for rows {@code [row0, row0 + count)}
 * and receives them row-major in {@code out}. Scores at positions the selection excludes are
 * ignored, so a source may write anything there. Higher is better.
 */
@FunctionalInterface
public interface ScoreSource {

    /** Writes the scores of rows {@code [row0, row0 + count)} into {@code out[0 .. count * cols)}. */
    void rows(int row0, int count, float[] out);

    /**
     * Floating-point operations spent on the rows written so far, which a training run counts as
     * rewiring overhead. 0 by default: for scores that cost no products (random keys, momentum
     * magnitudes) or whose products the FLOP account already holds (gradient growth's dense
     * gradient, which {@link FlopCounter} counts as the weight gradient of an update step).
     */
    default long flops() {
        return 0;
    }
}
