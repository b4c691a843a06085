package rewire.sparse;

import java.util.Arrays;
import rewire.tensor.Rng;

/**
 * The structure of a {@code rows x cols} matrix stored as K of its wrap-around ("pseudo")
 * diagonals, the format of DynaDiag (Tyagi et al., ICML 2025, "Dynamic Sparse Training of
 * Diagonally Sparse Networks"; METHODS F.1). The matrix has {@code P = max(rows, cols)} diagonals
 * of length {@code D = min(rows, cols)} that partition it: when {@code rows >= cols}, position
 * {@code i} of diagonal {@code p} is {@code ((i + p) mod rows, i)}; otherwise it is
 * {@code (i, (i + p) mod cols)}. So position {@code i} always indexes the short side, and the
 * long side is {@code i} shifted by {@code p}.
 *
 * <p>Why a format of its own rather than a CSR pattern: output row {@code r} of {@code W · x}
 * needs the rows of {@code x} at fixed offsets from {@code r}, so consecutive output rows read
 * consecutive rows of {@code x} (K sequential streams that prefetch well), and no column index
 * is stored or loaded. On the AVX2 host that made the layer step faster than CSR at 1%
 * density and no faster at 10%, where both move a whole row of {@code x} per entry
 * (bench/kernels-notes.md).
 *
 * <p>The static methods are the index math of any shape, shared with the DST engine's diagonal
 * constraint; an instance is one choice of diagonals, {@link #diagonals()} strictly increasing.
 * Entry {@code (k, i)}, position {@code i} of the k-th chosen diagonal, has index {@code k * D + i}
 * in every diagonal-aligned array (values, gradients). Immutable.
 */
public final class DiagonalPattern implements StructuredPattern {
    private final int rows;
    private final int cols;
    private final int[] diagonals;
    private volatile CsrView csr;

    private DiagonalPattern(int rows, int cols, int[] diagonals) {
        this.rows = rows;
        this.cols = cols;
        this.diagonals = diagonals;
    }

    /**
     * The pattern of the given diagonals, which are copied and checked.
     *
     * @throws IllegalArgumentException naming the shape or the first diagonal out of range or
     *     out of order
     */
    public static DiagonalPattern of(int rows, int cols, int[] diagonals) {
        requireShape(rows, cols);
        int count = count(rows, cols);
        for (int k = 0; k < diagonals.length; k++) {
            int p = diagonals[k];
            if (p < 0 || p >= count) {
                throw new IllegalArgumentException("diagonal " + p + " (index " + k + ") outside [0, " + count
                        + ") for " + rows + " x " + cols);
            }
            if (k > 0 && p <= diagonals[k - 1]) {
                throw new IllegalArgumentException("diagonals must be strictly increasing: " + p + " at index " + k
                        + " follows " + diagonals[k - 1]);
            }
        }
        return new DiagonalPattern(rows, cols, diagonals.clone());
    }

    /** {@code k} distinct diagonals of a {@code rows x cols} matrix, every choice equally likely. */
    public static DiagonalPattern random(int rows, int cols, int k, Rng rng) {
        // the columns of a uniformly random 1 x P pattern with k entries: k distinct diagonals, increasing
        return of(rows, cols, Patterns.random(1, count(rows, cols), k, rng).colIdx());
    }

    /** Number of diagonals of a {@code rows x cols} matrix, {@code P = max(rows, cols)}. */
    public static int count(int rows, int cols) {
        return Math.max(rows, cols);
    }

    /** Length of each diagonal, {@code D = min(rows, cols)}. */
    public static int length(int rows, int cols) {
        return Math.min(rows, cols);
    }

    /** The diagonal holding position (row, col). */
    public static int diagonalOf(int rows, int cols, int row, int col) {
        return rows >= cols ? Math.floorMod(row - col, rows) : Math.floorMod(col - row, cols);
    }

    /** The row of position {@code i} of diagonal {@code p}, {@code 0 <= i < D}. */
    public static int row(int rows, int cols, int p, int i) {
        return rows >= cols ? (i + p) % rows : i;
    }

    /** The column of position {@code i} of diagonal {@code p}, {@code 0 <= i < D}. */
    public static int col(int rows, int cols, int p, int i) {
        return rows >= cols ? i : (i + p) % cols;
    }

    /** The row-major position {@code row * cols + col} of position {@code i} of diagonal {@code p}. */
    public static long position(int rows, int cols, int p, int i) {
        return (long) row(rows, cols, p, i) * cols + col(rows, cols, p, i);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The chosen diagonals, strictly increasing. Backing array: do not modify. */
    public int[] diagonals() {
        return diagonals;
    }

    /** K, the number of chosen diagonals. */
    public int count() {
        return diagonals.length;
    }

    /** D, the length of each diagonal. */
    public int length() {
        return length(rows, cols);
    }

    /** Number of stored entries, {@code K * D}. */
    public int nnz() {
        return diagonals.length * length();
    }

    /** The row of entry {@code (k, i)}. */
    public int row(int k, int i) {
        return row(rows, cols, diagonals[k], i);
    }

    /** The column of entry {@code (k, i)}. */
    public int col(int k, int i) {
        return col(rows, cols, diagonals[k], i);
    }

    /** The index {@code k * D + i} of the entry at (row, col), or -1 when its diagonal is not chosen. */
    public int indexOf(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        int k = Arrays.binarySearch(diagonals, diagonalOf(rows, cols, row, col));
        return k < 0 ? -1 : k * length() + (rows >= cols ? col : row);
    }

    /** The same entries as a CSR pattern, built once and cached. */
    public SparsityPattern toCsr() {
        return csrView().pattern();
    }

    /**
     * For each entry {@code k * D + i}, the index of the same position in {@link #toCsr()}: the
     * permutation between diagonal-aligned and CSR-aligned arrays. Cached; do not modify.
     */
    public int[] csrEntries() {
        return csrView().entries();
    }

    /**
     * The diagonal pattern holding exactly the entries of {@code csr}.
     *
     * @throws IllegalArgumentException naming the first diagonal that {@code csr} holds only in
     *     part, with one of its positions
     */
    public static DiagonalPattern fromCsr(SparsityPattern csr) {
        int rows = csr.rows();
        int cols = csr.cols();
        requireShape(rows, cols);
        int[] held = new int[count(rows, cols)];
        for (int r = 0; r < rows; r++) {
            for (int e = csr.rowStart(r); e < csr.rowEnd(r); e++) {
                held[diagonalOf(rows, cols, r, csr.colIdx()[e])]++;
            }
        }
        int d = length(rows, cols);
        int[] chosen = new int[held.length];
        int k = 0;
        for (int p = 0; p < held.length; p++) {
            if (held[p] != 0 && held[p] != d) {
                throw new IllegalArgumentException("the CSR pattern " + rows + " x " + cols + " is not made of whole "
                        + "diagonals: diagonal " + p + " holds " + held[p] + " of its " + d + " positions, e.g. ("
                        + row(rows, cols, p, 0) + ", " + col(rows, cols, p, 0) + ")");
            }
            if (held[p] == d) {
                chosen[k++] = p;
            }
        }
        return new DiagonalPattern(rows, cols, Arrays.copyOf(chosen, k));
    }

    private static void requireShape(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a diagonal pattern needs a positive shape, got " + rows + " x " + cols);
        }
    }

    private CsrView csrView() {
        CsrView view = csr;
        if (view == null) {
            view = CsrView.of(this);
            csr = view;
        }
        return view;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiagonalPattern p && rows == p.rows && cols == p.cols
                && Arrays.equals(diagonals, p.diagonals);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(diagonals);
    }

    @Override
    public String toString() {
        return "DiagonalPattern(" + rows + " x " + cols + ", " + count() + " of " + count(rows, cols) + " diagonals)";
    }

    /** The CSR form of a diagonal pattern and where each diagonal entry lands in it. */
    private record CsrView(SparsityPattern pattern, int[] entries) {
        static CsrView of(DiagonalPattern p) {
            int d = p.length();
            long[] positions = new long[p.nnz()];
            for (int k = 0; k < p.count(); k++) {
                for (int i = 0; i < d; i++) {
                    positions[k * d + i] = position(p.rows, p.cols, p.diagonals[k], i);
                }
            }
            long[] sorted = positions.clone();
            Arrays.sort(sorted);
            SparsityPattern csr = Patterns.fromSortedPositions(p.rows, p.cols, sorted);
            int[] entries = new int[positions.length];
            for (int e = 0; e < positions.length; e++) {
                entries[e] = Arrays.binarySearch(sorted, positions[e]);
            }
            return new CsrView(csr, entries);
        }
    }
}
