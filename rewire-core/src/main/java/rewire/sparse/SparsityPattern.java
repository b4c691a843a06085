package rewire.sparse;

import java.util.Arrays;

/**
 * The structure of a sparse {@code rows x cols} matrix in compressed sparse row (CSR) form:
 * row {@code r} holds the entries {@code rowPtr[r] .. rowPtr[r+1]-1}, whose column indices
 * {@code colIdx[e]} are strictly increasing within the row. Entry {@code e} is the index of a
 * connection in every connection-aligned array (values, gradients, optimizer slots).
 *
 * <p>Immutable. {@link #rowPtr()} and {@link #colIdx()} return the backing arrays without copying
 * so kernels can read them at full speed; callers must never write to them.
 */
public final class SparsityPattern {
    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private volatile Transposed transposed;

    private SparsityPattern(int rows, int cols, int[] rowPtr, int[] colIdx) {
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
    }

    /**
     * A pattern from CSR arrays, which are copied and checked.
     *
     * @throws IllegalArgumentException naming the first defect: wrong lengths, a non-monotone
     *     {@code rowPtr}, a column out of range, unsorted or duplicate columns in a row
     */
    public static SparsityPattern of(int rows, int cols, int[] rowPtr, int[] colIdx) {
        int[] ptr = rowPtr.clone();
        int[] idx = colIdx.clone();
        check(rows, cols, ptr, idx);
        return new SparsityPattern(rows, cols, ptr, idx);
    }

    /** Trusted construction without copy or check, for code in this package that built valid arrays. */
    static SparsityPattern trusted(int rows, int cols, int[] rowPtr, int[] colIdx) {
        assert describeDefect(rows, cols, rowPtr, colIdx) == null : describeDefect(rows, cols, rowPtr, colIdx);
        return new SparsityPattern(rows, cols, rowPtr, colIdx);
    }

    /** Checks CSR arrays; throws {@link IllegalArgumentException} naming what is wrong and where. */
    public static void check(int rows, int cols, int[] rowPtr, int[] colIdx) {
        String defect = describeDefect(rows, cols, rowPtr, colIdx);
        if (defect != null) {
            throw new IllegalArgumentException("malformed sparsity pattern (" + rows + " x " + cols + "): " + defect);
        }
    }

    /** The first defect of CSR arrays, or null when they form a valid pattern. */
    static String describeDefect(int rows, int cols, int[] rowPtr, int[] colIdx) {
        if (rows < 0 || cols < 0) {
            return "negative dimension";
        }
        if (rowPtr.length != rows + 1) {
            return "rowPtr has length " + rowPtr.length + ", expected rows + 1 = " + (rows + 1);
        }
        if (rowPtr[0] != 0) {
            return "rowPtr[0] is " + rowPtr[0] + ", expected 0";
        }
        for (int r = 0; r < rows; r++) {
            if (rowPtr[r + 1] < rowPtr[r]) {
                return "rowPtr is not monotone at row " + r + ": rowPtr[" + r + "] = " + rowPtr[r]
                        + " > rowPtr[" + (r + 1) + "] = " + rowPtr[r + 1];
            }
        }
        if (rowPtr[rows] != colIdx.length) {
            return "nnz mismatch: rowPtr[rows] = " + rowPtr[rows] + " but colIdx has length " + colIdx.length;
        }
        for (int r = 0; r < rows; r++) {
            for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                int c = colIdx[e];
                if (c < 0 || c >= cols) {
                    return "column index " + c + " out of range [0, " + cols + ") at row " + r + ", entry " + e;
                }
                if (e > rowPtr[r] && c <= colIdx[e - 1]) {
                    return (c == colIdx[e - 1] ? "duplicate" : "unsorted") + " column " + c + " at row " + r
                            + ", entry " + e + " (previous column " + colIdx[e - 1] + ")";
                }
            }
        }
        return null;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of stored entries (connections). */
    public int nnz() {
        return colIdx.length;
    }

    /** nnz / (rows * cols); 0 for an empty shape. */
    public double density() {
        long size = (long) rows * cols;
        return size == 0 ? 0 : (double) colIdx.length / size;
    }

    /** Backing row pointer array (length rows + 1). Do not modify. */
    public int[] rowPtr() {
        return rowPtr;
    }

    /** Backing column index array (length nnz). Do not modify. */
    public int[] colIdx() {
        return colIdx;
    }

    public int rowStart(int row) {
        return rowPtr[row];
    }

    public int rowEnd(int row) {
        return rowPtr[row + 1];
    }

    /** Entry index of (row, col), or a negative number when the position is empty. */
    public int indexOf(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        int found = Arrays.binarySearch(colIdx, rowPtr[row], rowPtr[row + 1], col);
        return found >= 0 ? found : -1;
    }

    public boolean contains(int row, int col) {
        return indexOf(row, col) >= 0;
    }

    /**
     * The transpose of this pattern, computed once and cached. Kernels that need column access
     * (the input gradient {@code W^T dy}) use it to gather instead of scatter.
     */
    public Transposed transposed() {
        Transposed t = transposed;
        if (t == null) {
            t = Transposed.of(this);
            transposed = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparsityPattern p && rows == p.rows && cols == p.cols
                && Arrays.equals(rowPtr, p.rowPtr) && Arrays.equals(colIdx, p.colIdx);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(colIdx) * 17 + Arrays.hashCode(rowPtr);
    }

    @Override
    public String toString() {
        return String.format("SparsityPattern(%d x %d, nnz %d, density %.4f)", rows, cols, nnz(), density());
    }

    /**
     * The transpose of a pattern: {@code pattern} is the CSR structure of {@code W^T}
     * ({@code cols x rows}) and {@code sourceEntry[t]} is the entry of {@code W} that transposed
     * entry {@code t} refers to, so {@code valuesOfWT[t] = valuesOfW[sourceEntry[t]]}.
     */
    public record Transposed(SparsityPattern pattern, int[] sourceEntry) {
        static Transposed of(SparsityPattern p) {
            int[] ptr = new int[p.cols + 1];
            for (int c : p.colIdx) {
                ptr[c + 1]++;
            }
            for (int c = 0; c < p.cols; c++) {
                ptr[c + 1] += ptr[c];
            }
            int[] next = Arrays.copyOf(ptr, p.cols);
            int[] idx = new int[p.nnz()];
            int[] source = new int[p.nnz()];
            for (int r = 0; r < p.rows; r++) {
                for (int e = p.rowPtr[r]; e < p.rowPtr[r + 1]; e++) {
                    int t = next[p.colIdx[e]]++;
                    idx[t] = r;
                    source[t] = e;
                }
            }
            return new Transposed(trusted(p.cols, p.rows, ptr, idx), source);
        }
    }
}
