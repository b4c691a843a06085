package rewire.sparsity;

import java.util.List;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;

/**
 * The positions of one layer that have ever held a connection: the state behind the
 * exploration rate of a {@link RewireReport} (the "in-time over-parameterization" rate of Liu et
 * al., ICML 2021: |ever active| / (rows * cols)). One bit per position, 32 to an int word in
 * row-major order, so a 1000 x 1000 layer costs 125 KB, 1/32 of its dense weight matrix. A
 * {@link RewireState} keeps one per layer for the whole run and marks each new pattern through
 * {@link #remap}.
 */
public final class EverActive implements CriterionState {
    static final String NAME = "everActive";

    private final int rows;
    private final int cols;
    private final int[] bits;
    private long count;

    /** A tracker for a {@code rows x cols} layer, with the positions of {@code initial} marked. */
    public EverActive(SparsityPattern initial) {
        this.rows = initial.rows();
        this.cols = initial.cols();
        this.bits = new int[Math.toIntExact(((long) rows * cols + 31) >>> 5)];
        mark(initial);
    }

    /** Marks every position of the new pattern as having been active. */
    @Override
    public void remap(Remap remap) {
        mark(remap.to());
    }

    @Override
    public List<StateArray> arrays() {
        return List.of(new StateArray.Ints(NAME, bits.clone()));
    }

    @Override
    public void restore(StateArray saved) {
        int[] words = StateArray.ints(saved, NAME, bits.length);
        System.arraycopy(words, 0, bits, 0, bits.length);
        count = 0;
        for (int w : bits) {
            count += Integer.bitCount(w);
        }
    }

    /** Marks every position of {@code pattern} as having been active. */
    public void mark(SparsityPattern pattern) {
        if (pattern.rows() != rows || pattern.cols() != cols) {
            throw new IllegalArgumentException("pattern " + pattern.rows() + " x " + pattern.cols()
                    + " does not match the tracked layer " + rows + " x " + cols);
        }
        int[] ptr = pattern.rowPtr();
        int[] idx = pattern.colIdx();
        for (int r = 0; r < rows; r++) {
            long base = (long) r * cols;
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                long p = base + idx[e];
                int word = (int) (p >>> 5);
                int bit = 1 << (p & 31);
                if ((bits[word] & bit) == 0) {
                    bits[word] |= bit;
                    count++;
                }
            }
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of positions ever active. */
    public long count() {
        return count;
    }

    /** Fraction of all positions ever active, in [0, 1]. */
    public double rate() {
        long size = (long) rows * cols;
        return size == 0 ? 0 : (double) count / size;
    }
}
