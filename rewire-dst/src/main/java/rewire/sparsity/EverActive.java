package rewire.sparsity;

import java.util.Arrays;
import java.util.List;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;

/**
 * The positions of one layer that have ever held a connection: the state behind the
 * exploration rate of a {@link RewireReport} (the "in-time over-parameterization" rate of Liu et
 * al., ICML 2021: |ever active| / (rows * cols)). Held as one CSR pattern, the union of every
 * pattern the layer had, so it costs memory in proportion to the positions ever active and never
 * to the layer's {@code rows * cols}: a layer of a million inputs and outputs has 10^12
 * positions, a bit set over them 125 GB. A {@link RewireState} keeps one per layer for the whole
 * run and marks each new pattern through {@link #remap}.
 *
 * <p>Saved as one int array: the union's {@code rowPtr} ({@code rows + 1} ints), then its column
 * indices.
 */
public final class EverActive implements CriterionState {
    static final String NAME = "everActive";

    private final int rows;
    private final int cols;
    private SparsityPattern union;

    /** A tracker for a {@code rows x cols} layer, with the positions of {@code initial} marked. */
    public EverActive(SparsityPattern initial) {
        this.rows = initial.rows();
        this.cols = initial.cols();
        this.union = initial;
    }

    /** Marks every position of the new pattern as having been active. */
    @Override
    public void remap(Remap remap) {
        mark(remap.to());
    }

    @Override
    public List<StateArray> arrays() {
        int[] ptr = union.rowPtr();
        int[] words = Arrays.copyOf(ptr, ptr.length + union.nnz());
        System.arraycopy(union.colIdx(), 0, words, ptr.length, union.nnz());
        return List.of(new StateArray.Ints(NAME, words));
    }

    @Override
    public void restore(StateArray saved) {
        int[] words = StateArray.ints(saved, NAME);
        if (words.length < rows + 1) {
            throw new IllegalArgumentException("saved state " + saved.name() + " holds " + words.length
                    + " ints, fewer than the " + (rows + 1) + " row pointers of a " + rows + " x " + cols + " layer");
        }
        int[] ptr = Arrays.copyOf(words, rows + 1);
        int[] idx = Arrays.copyOfRange(words, rows + 1, words.length);
        try {
            union = SparsityPattern.of(rows, cols, ptr, idx);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("saved state " + saved.name() + " is not the ever-active positions of a "
                    + rows + " x " + cols + " layer: " + e.getMessage(), e);
        }
    }

    /** Marks every position of {@code pattern} as having been active. */
    public void mark(SparsityPattern pattern) {
        if (pattern.rows() != rows || pattern.cols() != cols) {
            throw new IllegalArgumentException("pattern " + pattern.rows() + " x " + pattern.cols()
                    + " does not match the tracked layer " + rows + " x " + cols);
        }
        union = Patterns.union(union, pattern);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of positions ever active. */
    public long count() {
        return union.nnz();
    }

    /** Fraction of all positions ever active, in [0, 1]. */
    public double rate() {
        long size = (long) rows * cols;
        return size == 0 ? 0 : (double) count() / size;
    }
}
