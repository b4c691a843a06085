package rewire.sparsity;

import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;

/** Set operations on sparsity patterns through their row-major positions {@code row * cols + col}. */
final class PatternOps {
    private PatternOps() {
    }

    /** The positions of the entries of {@code p}, increasing. */
    static long[] positions(SparsityPattern p) {
        long[] out = new long[p.nnz()];
        int[] ptr = p.rowPtr();
        int[] idx = p.colIdx();
        for (int r = 0; r < p.rows(); r++) {
            long base = (long) r * p.cols();
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                out[e] = base + idx[e];
            }
        }
        return out;
    }

    /** The entries {@code e} of {@code p} with {@code keep[e]}. */
    static SparsityPattern subset(SparsityPattern p, boolean[] keep) {
        assert keep.length == p.nnz();
        long[] all = positions(p);
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        long[] kept = new long[n];
        for (int e = 0, w = 0; e < all.length; e++) {
            if (keep[e]) {
                kept[w++] = all[e];
            }
        }
        return Patterns.fromSortedPositions(p.rows(), p.cols(), kept);
    }

    /**
     * {@code p} plus the positions {@code extra} (increasing, none of them in {@code p}).
     *
     * @throws IllegalArgumentException if a position repeats one of {@code p}
     */
    static SparsityPattern union(SparsityPattern p, long[] extra) {
        long[] base = positions(p);
        long[] merged = new long[base.length + extra.length];
        int i = 0;
        int j = 0;
        int w = 0;
        while (i < base.length || j < extra.length) {
            if (j == extra.length || (i < base.length && base[i] < extra[j])) {
                merged[w++] = base[i++];
            } else {
                merged[w++] = extra[j++];
            }
        }
        return Patterns.fromSortedPositions(p.rows(), p.cols(), merged);
    }

    /** Entries per row. */
    static int[] rowCounts(SparsityPattern p) {
        int[] out = new int[p.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = p.rowEnd(r) - p.rowStart(r);
        }
        return out;
    }
}
