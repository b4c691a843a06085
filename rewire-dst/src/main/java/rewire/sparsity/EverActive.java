package rewire.sparsity;

import rewire.sparse.SparsityPattern;

/**
 * The positions of one layer that have ever held a connection: the state behind the
 * exploration rate of a {@link RewireReport} (the "in-time over-parameterization" rate of Liu et
 * al., ICML 2021: |ever active| / (rows * cols)). One bit per position, so a 1000 x 1000 layer
 * costs 125 KB, 1/32 of its dense weight matrix. Mutable; the trainer keeps one per layer for
 * the whole run and the engine marks each new pattern.
 */
public final class EverActive {
    private final int rows;
    private final int cols;
    private final long[] bits;
    private long count;

    /** A tracker for a {@code rows x cols} layer, with the positions of {@code initial} marked. */
    public EverActive(SparsityPattern initial) {
        this.rows = initial.rows();
        this.cols = initial.cols();
        this.bits = new long[(int) (((long) rows * cols + 63) >>> 6)];
        mark(initial);
    }

    /** The tracker's bits, one per position in row-major order, for checkpoints (a copy). */
    public long[] words() {
        return bits.clone();
    }

    /** Restores the bits saved by {@link #words()}. */
    public void restore(long[] words) {
        if (words.length != bits.length) {
            throw new IllegalArgumentException("ever-active state has " + words.length + " words, a " + rows + " x "
                    + cols + " layer needs " + bits.length);
        }
        System.arraycopy(words, 0, bits, 0, bits.length);
        count = 0;
        for (long w : bits) {
            count += Long.bitCount(w);
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
                int word = (int) (p >>> 6);
                long bit = 1L << (p & 63);
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
