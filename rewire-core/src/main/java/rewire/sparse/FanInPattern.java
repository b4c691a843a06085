package rewire.sparse;

import java.util.Arrays;
import rewire.tensor.Rng;

/**
 * The structure of a {@code rows x cols} matrix in which every row holds the same number
 * {@code k} of entries (constant fan-in), stored in the "condensed" form of SRigL (Lasby et al.,
 * ICLR 2024, "Dynamic Sparse Training with Structured Sparsity"): the column indices as a dense
 * {@code rows x k} row-major array, each row strictly increasing. Entry {@code (r, t)}, the t-th
 * input of row r, has index {@code r * k + t} in every entry-aligned array (values, gradients).
 *
 * <p>Why a format of its own rather than a CSR pattern: it is the structure SRigL trains with and
 * what row-parallel hardware wants (every row the same trip count, no row pointers, values and
 * gradients as dense {@code (rows, k)} arrays). On the AVX2 host its kernels run at CSR's speed,
 * no faster: at 10% density every entry moves a whole row of the activations, and interleaving
 * two rows of the same length measured slower (bench/kernels-notes.md, "Constant fan-in and N:M
 * formats").
 *
 * <p>With each row's columns increasing, condensed order is CSR order: entry {@code r * k + t}
 * is entry {@code r * k + t} of {@link #toCsr()} too, so values move between the two forms
 * without a permutation. Immutable.
 */
public final class FanInPattern implements StructuredPattern {
    private final int rows;
    private final int cols;
    private final int k;
    private final int[] colIdx;
    private volatile SparsityPattern csr;

    private FanInPattern(int rows, int cols, int k, int[] colIdx) {
        this.rows = rows;
        this.cols = cols;
        this.k = k;
        this.colIdx = colIdx;
    }

    /**
     * The pattern of the given {@code (rows, k)} column indices, which are copied and checked.
     *
     * @throws IllegalArgumentException naming the shape, {@code k}, or the first row with a
     *     column out of range or out of order
     */
    public static FanInPattern of(int rows, int cols, int k, int[] colIdx) {
        requireShape(rows, cols, k);
        if (colIdx.length != (long) rows * k) {
            throw new IllegalArgumentException("colIdx has length " + colIdx.length + ", expected rows x k = "
                    + rows + " x " + k + " = " + (long) rows * k);
        }
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < k; t++) {
                int c = colIdx[r * k + t];
                if (c < 0 || c >= cols) {
                    throw new IllegalArgumentException("column " + c + " of row " + r + " (entry " + t
                            + ") outside [0, " + cols + ")");
                }
                if (t > 0 && c <= colIdx[r * k + t - 1]) {
                    throw new IllegalArgumentException("the columns of row " + r + " must be strictly increasing: "
                            + c + " at entry " + t + " follows " + colIdx[r * k + t - 1]);
                }
            }
        }
        return new FanInPattern(rows, cols, k, colIdx.clone());
    }

    /** Trusted construction without copy or check, for code in this package that built valid arrays. */
    static FanInPattern trusted(int rows, int cols, int k, int[] colIdx) {
        return new FanInPattern(rows, cols, k, colIdx);
    }

    /** {@code k} distinct inputs per row of a {@code rows x cols} matrix, every choice equally likely, rows independent. */
    public static FanInPattern random(int rows, int cols, int k, Rng rng) {
        requireShape(rows, cols, k);
        int[] colIdx = new int[rows * k];
        for (int r = 0; r < rows; r++) {
            // the columns of a uniformly random 1 x cols pattern with k entries: k distinct columns, increasing
            System.arraycopy(Patterns.random(1, cols, k, rng).colIdx(), 0, colIdx, r * k, k);
        }
        return new FanInPattern(rows, cols, k, colIdx);
    }

    /**
     * The fan-in pattern holding exactly the entries of {@code csr}, the fan-in that of its first row.
     *
     * @throws IllegalArgumentException naming the first row whose count differs from row 0's
     */
    public static FanInPattern fromCsr(SparsityPattern csr) {
        int rows = csr.rows();
        int k = rows == 0 ? 0 : csr.rowEnd(0) - csr.rowStart(0);
        requireShape(rows, csr.cols(), k);
        for (int r = 1; r < rows; r++) {
            int count = csr.rowEnd(r) - csr.rowStart(r);
            if (count != k) {
                throw new IllegalArgumentException("the CSR pattern " + rows + " x " + csr.cols()
                        + " has no constant fan-in: row " + r + " holds " + count + " entries, row 0 holds " + k);
            }
        }
        // CSR's colIdx of equal rows is the condensed array, already checked by the CSR pattern
        return new FanInPattern(rows, csr.cols(), k, csr.colIdx().clone());
    }

    private static void requireShape(int rows, int cols, int k) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a fan-in pattern needs a positive shape, got " + rows + " x " + cols);
        }
        if (k < 0 || k > cols) {
            throw new IllegalArgumentException("fan-in k = " + k + " outside [0, " + cols + "] for " + rows + " x "
                    + cols);
        }
        if ((long) rows * k > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows x k = " + rows + " x " + k + " entries exceed an int array");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The fan-in: entries per row. */
    public int k() {
        return k;
    }

    /** Number of stored entries, {@code rows * k}. */
    public int nnz() {
        return colIdx.length;
    }

    /** The column indices, {@code (rows, k)} row-major, each row strictly increasing. Backing array: do not modify. */
    public int[] colIdx() {
        return colIdx;
    }

    /** The column of entry {@code (row, t)}. */
    public int col(int row, int t) {
        return colIdx[row * k + t];
    }

    /** The index {@code row * k + t} of the entry at (row, col), or -1 when the position is empty. */
    public int indexOf(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        int found = Arrays.binarySearch(colIdx, row * k, row * k + k, col);
        return found >= 0 ? found : -1;
    }

    /**
     * The same entries as a CSR pattern, built once and cached, in the same entry order (see the
     * class comment); its transpose, also cached, serves {@code Wᵀ · dy}.
     */
    public SparsityPattern toCsr() {
        SparsityPattern p = csr;
        if (p == null) {
            int[] rowPtr = new int[rows + 1];
            for (int r = 0; r <= rows; r++) {
                rowPtr[r] = r * k;
            }
            p = SparsityPattern.trusted(rows, cols, rowPtr, colIdx);
            csr = p;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FanInPattern p && rows == p.rows && cols == p.cols && k == p.k
                && Arrays.equals(colIdx, p.colIdx);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rows + cols) + k) + Arrays.hashCode(colIdx);
    }

    @Override
    public String toString() {
        return "FanInPattern(" + rows + " x " + cols + ", fan-in " + k + ")";
    }
}
