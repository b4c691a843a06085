package rewire.sparse;

import java.util.Arrays;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Making sparsity patterns (random, Erdos-Renyi, from dense or mask) and converting them back. */
public final class Patterns {
    private Patterns() {
    }

    /** A pattern with every position present. */
    public static SparsityPattern full(int rows, int cols) {
        requireShape(rows, cols);
        int[] ptr = new int[rows + 1];
        int[] idx = new int[Math.multiplyExact(rows, cols)];
        for (int r = 0; r < rows; r++) {
            ptr[r + 1] = (r + 1) * cols;
            for (int c = 0; c < cols; c++) {
                idx[r * cols + c] = c;
            }
        }
        return SparsityPattern.trusted(rows, cols, ptr, idx);
    }

    /** A pattern with no entries. */
    public static SparsityPattern empty(int rows, int cols) {
        requireShape(rows, cols);
        return SparsityPattern.trusted(rows, cols, new int[rows + 1], new int[0]);
    }

    /**
     * A pattern with exactly {@code nnz} entries drawn uniformly among all {@code rows x cols}
     * positions (every subset of that size is equally likely). O(nnz log nnz) time and memory.
     */
    public static SparsityPattern random(int rows, int cols, int nnz, Rng rng) {
        requireShape(rows, cols);
        long size = (long) rows * cols;
        if (nnz < 0 || nnz > size) {
            throw new IllegalArgumentException("nnz " + nnz + " outside [0, " + size + "] for " + rows + " x " + cols);
        }
        if (nnz > size / 2) {
            return complement(rows, cols, sampleDistinct(size, (int) (size - nnz), rng));
        }
        return fromSortedPositions(rows, cols, sampleDistinct(size, nnz, rng));
    }

    /**
     * The Erdos-Renyi density of SET for a {@code rows x cols} layer:
     * {@code epsilon * (rows + cols) / (rows * cols)}, capped at 1.
     */
    public static double erdosRenyiDensity(int rows, int cols, double epsilon) {
        requireShape(rows, cols);
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        return Math.min(1.0, epsilon * (rows + cols) / ((double) rows * cols));
    }

    /** A uniformly random pattern with the Erdos-Renyi number of entries (rounded to nearest). */
    public static SparsityPattern erdosRenyi(int rows, int cols, double epsilon, Rng rng) {
        double density = erdosRenyiDensity(rows, cols, epsilon);
        return random(rows, cols, (int) Math.round(density * rows * cols), rng);
    }

    /** A pattern from sorted, distinct row-major positions {@code row * cols + col}. */
    public static SparsityPattern fromSortedPositions(int rows, int cols, long[] positions) {
        requireShape(rows, cols);
        int[] ptr = new int[rows + 1];
        int[] idx = new int[positions.length];
        long size = (long) rows * cols;
        for (int e = 0; e < positions.length; e++) {
            long p = positions[e];
            if (p < 0 || p >= size || (e > 0 && p <= positions[e - 1])) {
                throw new IllegalArgumentException("position " + p + " at index " + e
                        + " is out of range or not strictly increasing for " + rows + " x " + cols);
            }
            ptr[(int) (p / cols) + 1]++;
            idx[e] = (int) (p % cols);
        }
        for (int r = 0; r < rows; r++) {
            ptr[r + 1] += ptr[r];
        }
        return SparsityPattern.trusted(rows, cols, ptr, idx);
    }

    /** The entries {@code e} of {@code p} with {@code keep[e]}, in their order: O(nnz), no positions built. */
    public static SparsityPattern subset(SparsityPattern p, boolean[] keep) {
        if (keep.length != p.nnz()) {
            throw new IllegalArgumentException(keep.length + " flags for a pattern of " + p.nnz() + " entries");
        }
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        int[] from = p.colIdx();
        int[] ptr = new int[p.rows() + 1];
        int[] idx = new int[n];
        int w = 0;
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                if (keep[e]) {
                    idx[w++] = from[e];
                }
            }
            ptr[r + 1] = w;
        }
        return SparsityPattern.trusted(p.rows(), p.cols(), ptr, idx);
    }

    /**
     * The positions of {@code a} or {@code b} (one shape), each row a merge of sorted columns;
     * {@code a} itself when {@code b} adds none. Sized exactly: one pass counts, one fills.
     */
    public static SparsityPattern union(SparsityPattern a, SparsityPattern b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("union of patterns of different shapes: " + a.rows() + " x " + a.cols()
                    + " and " + b.rows() + " x " + b.cols());
        }
        int[] ptr = new int[a.rows() + 1];
        for (int r = 0; r < a.rows(); r++) {
            ptr[r + 1] = ptr[r] + mergeRow(a, b, r, null, 0);
        }
        if (ptr[a.rows()] == a.nnz()) {
            return a;
        }
        int[] idx = new int[ptr[a.rows()]];
        for (int r = 0; r < a.rows(); r++) {
            mergeRow(a, b, r, idx, ptr[r]);
        }
        return SparsityPattern.trusted(a.rows(), a.cols(), ptr, idx);
    }

    // Merges the sorted columns of row r of a and b into out from index at (only counts when out is
    // null); returns the number of distinct columns.
    private static int mergeRow(SparsityPattern a, SparsityPattern b, int r, int[] out, int at) {
        int[] ac = a.colIdx();
        int[] bc = b.colIdx();
        int i = a.rowStart(r);
        int j = b.rowStart(r);
        int n = 0;
        while (i < a.rowEnd(r) || j < b.rowEnd(r)) {
            int c;
            if (j == b.rowEnd(r) || (i < a.rowEnd(r) && ac[i] < bc[j])) {
                c = ac[i++];
            } else if (i == a.rowEnd(r) || bc[j] < ac[i]) {
                c = bc[j++];
            } else {
                c = ac[i++];
                j++;
            }
            if (out != null) {
                out[at + n] = c;
            }
            n++;
        }
        return n;
    }

    /** The pattern of a row-major mask ({@code true} = connection present). */
    public static SparsityPattern fromMask(boolean[] mask, int rows, int cols) {
        requireLength(mask.length, rows, cols, "mask");
        int nnz = 0;
        for (boolean m : mask) {
            nnz += m ? 1 : 0;
        }
        long[] positions = new long[nnz];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                positions[n++] = i;
            }
        }
        return fromSortedPositions(rows, cols, positions);
    }

    /** The sparse matrix of a dense one, keeping its nonzero entries. */
    public static CsrMatrix fromDense(Tensor dense) {
        int rows = dense.rows();
        int cols = dense.cols();
        float[] d = dense.data();
        boolean[] mask = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            mask[i] = d[i] != 0f;
        }
        return gather(dense, fromMask(mask, rows, cols));
    }

    /** The entries of a dense matrix at the positions of {@code pattern}. */
    public static CsrMatrix gather(Tensor dense, SparsityPattern pattern) {
        if (dense.rows() != pattern.rows() || dense.cols() != pattern.cols()) {
            throw new IllegalArgumentException("dense matrix " + dense.shape() + " does not match pattern "
                    + pattern.rows() + " x " + pattern.cols());
        }
        float[] d = dense.data();
        float[] values = new float[pattern.nnz()];
        int[] ptr = pattern.rowPtr();
        int[] idx = pattern.colIdx();
        for (int r = 0; r < pattern.rows(); r++) {
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                values[e] = d[r * pattern.cols() + idx[e]];
            }
        }
        return new CsrMatrix(pattern, values);
    }

    /** The dense {@code rows x cols} matrix of a sparse one (zeros where there is no entry). */
    public static Tensor toDense(CsrMatrix m) {
        Tensor out = Tensor.zeros(m.rows(), m.cols());
        float[] d = out.data();
        int[] ptr = m.pattern().rowPtr();
        int[] idx = m.pattern().colIdx();
        float[] v = m.values();
        for (int r = 0; r < m.rows(); r++) {
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                d[r * m.cols() + idx[e]] = v[e];
            }
        }
        return out;
    }

    /** The row-major mask of a pattern. */
    public static boolean[] toMask(SparsityPattern p) {
        boolean[] mask = new boolean[Math.multiplyExact(p.rows(), p.cols())];
        int[] ptr = p.rowPtr();
        int[] idx = p.colIdx();
        for (int r = 0; r < p.rows(); r++) {
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                mask[r * p.cols() + idx[e]] = true;
            }
        }
        return mask;
    }

    /**
     * {@code count} distinct positions in [0, size), sorted, uniformly among all subsets: draw with
     * replacement, drop repeats, top up, until the set is full. Expected draws stay below
     * {@code 2 * count} because callers keep {@code count <= size / 2}. Each top-up sorts only its
     * new draws and merges them into the distinct prefix through one scratch array: resorting the
     * whole array let the sort allocate a merge buffer of its size on every round (about 140 MB
     * of garbage to initialize the peer MLP at 50% density).
     */
    private static long[] sampleDistinct(long size, int count, Rng rng) {
        long[] picked = new long[count];
        long[] scratch = null;
        int have = 0;
        while (have < count) {
            for (int i = have; i < count; i++) {
                picked[i] = rng.nextLong(size);
            }
            Arrays.sort(picked, have, count);
            if (have == 0) {
                have = dedupeSorted(picked, count);
            } else {
                scratch = scratch == null ? new long[count] : scratch;
                have = mergeDistinct(picked, have, count, scratch);
                long[] swap = picked;
                picked = scratch;
                scratch = swap;
            }
        }
        return picked;
    }

    private static int dedupeSorted(long[] a, int n) {
        if (n == 0) {
            return 0;
        }
        int w = 1;
        for (int i = 1; i < n; i++) {
            if (a[i] != a[w - 1]) {
                a[w++] = a[i];
            }
        }
        return w;
    }

    // the distinct values of a's distinct sorted prefix [0, split) and sorted tail [split, end), into
    // out in order; returns how many
    private static int mergeDistinct(long[] a, int split, int end, long[] out) {
        int w = 0;
        int i = 0;
        int j = split;
        while (i < split || j < end) {
            long v = j == end || (i < split && a[i] <= a[j]) ? a[i++] : a[j++];
            if (w == 0 || out[w - 1] != v) {
                out[w++] = v;
            }
        }
        return w;
    }

    private static SparsityPattern complement(int rows, int cols, long[] excludedSorted) {
        long size = (long) rows * cols;
        long[] kept = new long[(int) (size - excludedSorted.length)];
        int k = 0;
        int x = 0;
        for (long p = 0; p < size; p++) {
            if (x < excludedSorted.length && excludedSorted[x] == p) {
                x++;
            } else {
                kept[k++] = p;
            }
        }
        return fromSortedPositions(rows, cols, kept);
    }

    private static void requireShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
        }
    }

    private static void requireLength(int length, int rows, int cols, String what) {
        if ((long) rows * cols != length) {
            throw new IllegalArgumentException(what + " has length " + length + ", expected " + rows + " x " + cols);
        }
    }
}
