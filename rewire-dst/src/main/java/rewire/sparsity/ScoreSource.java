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
}
