package rewire.sparse;

import java.util.Arrays;
import rewire.tensor.Rng;

/**
 * The structure of an N:M sparse {@code rows x cols} matrix: in every group of M consecutive
 * columns of a row (along the input dimension, as in Zhou et al., ICLR 2021, "Learning N:M
 * Fine-grained Structured Sparse Neural Networks From Scratch"; METHODS I.6) exactly N entries
 * are held. {@code cols} must be a multiple of M. A row holds {@code G = cols / M} groups and
 * {@code k = G * N} entries; entry {@code (r, g, s)}, the s-th entry of group g of row r, has index
 * {@code r * k + g * N + s} in every entry-aligned array and lies in column
 * {@code g * M + offset}, its offset in the group stored as one byte.
 *
 * <p>Why a byte per entry: it holds any M up to 128 (1:4, 2:4, 4:8, 1:8, 2:16 alike) and reads
 * with one load; two bits per entry for M of at most 4 would save 0.75 byte per entry beside its
 * 4-byte value and cost a shift and a mask per entry, for one family of M only.
 *
 * <p>An N:M pattern has constant fan-in k, and its entry order (groups in order, offsets
 * increasing) is column order: {@link #fanIn()} is the same matrix in condensed form, with the same
 * entry indices, and the fan-in kernels compute its products (see {@code rewire.kernel.NmProducts}).
 * Immutable.
 */
public final class NmPattern implements StructuredPattern {
    private final int rows;
    private final int cols;
    private final int n;
    private final int m;
    private final byte[] offsets;
    private volatile FanInPattern fanIn;

    private NmPattern(int rows, int cols, int n, int m, byte[] offsets) {
        this.rows = rows;
        this.cols = cols;
        this.n = n;
        this.m = m;
        this.offsets = offsets;
    }

    /**
     * The pattern of the given in-group offsets, {@code (rows, G * N)} row-major, which are copied
     * and checked.
     *
     * @throws IllegalArgumentException naming the shape, N or M, or the first row and group with an
     *     offset out of range or out of order
     */
    public static NmPattern of(int rows, int cols, int n, int m, byte[] offsets) {
        requireShape(rows, cols, n, m);
        int groups = cols / m;
        if (offsets.length != (long) rows * groups * n) {
            throw new IllegalArgumentException("offsets has length " + offsets.length + ", expected rows x groups x N = "
                    + rows + " x " + groups + " x " + n + " = " + (long) rows * groups * n);
        }
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < groups; g++) {
                int at = (r * groups + g) * n;
                for (int s = 0; s < n; s++) {
                    int off = offsets[at + s];
                    if (off < 0 || off >= m) {
                        throw new IllegalArgumentException("offset " + off + " of row " + r + ", group " + g
                                + " (entry " + s + ") outside [0, " + m + ")");
                    }
                    if (s > 0 && off <= offsets[at + s - 1]) {
                        throw new IllegalArgumentException("the offsets of row " + r + ", group " + g
                                + " must be strictly increasing: " + off + " at entry " + s + " follows "
                                + offsets[at + s - 1]);
                    }
                }
            }
        }
        return new NmPattern(rows, cols, n, m, offsets.clone());
    }

    /** N distinct offsets in every group of every row, every choice equally likely, groups independent. */
    public static NmPattern random(int rows, int cols, int n, int m, Rng rng) {
        requireShape(rows, cols, n, m);
        byte[] offsets = new byte[rows * (cols / m) * n];
        byte[] deck = new byte[m];
        for (int at = 0; at < offsets.length; at += n) {
            for (int i = 0; i < m; i++) {
                deck[i] = (byte) i;
            }
            // the first n cards of a partial Fisher-Yates shuffle, then sorted
            for (int s = 0; s < n; s++) {
                int pick = s + rng.nextInt(m - s);
                byte card = deck[pick];
                deck[pick] = deck[s];
                deck[s] = card;
            }
            Arrays.sort(deck, 0, n);
            System.arraycopy(deck, 0, offsets, at, n);
        }
        return new NmPattern(rows, cols, n, m, offsets);
    }

    /**
     * The N:M pattern holding exactly the entries of {@code csr}.
     *
     * @throws IllegalArgumentException naming the shape, or the first row and group that does not
     *     hold exactly N entries
     */
    public static NmPattern fromCsr(SparsityPattern csr, int n, int m) {
        int rows = csr.rows();
        int cols = csr.cols();
        requireShape(rows, cols, n, m);
        int groups = cols / m;
        byte[] offsets = new byte[rows * groups * n];
        int at = 0;
        for (int r = 0; r < rows; r++) {
            int e = csr.rowStart(r);
            for (int g = 0; g < groups; g++) {
                int held = 0;
                for (; e < csr.rowEnd(r) && csr.colIdx()[e] < (g + 1) * m; e++, held++) {
                    if (held < n) {
                        offsets[at + held] = (byte) (csr.colIdx()[e] - g * m);
                    }
                }
                if (held != n) {
                    throw new IllegalArgumentException("the CSR pattern " + rows + " x " + cols + " is not " + n + ":"
                            + m + ": row " + r + ", group " + g + " (columns " + g * m + " to " + ((g + 1) * m - 1)
                            + ") holds " + held + " entries");
                }
                at += n;
            }
        }
        return new NmPattern(rows, cols, n, m, offsets);
    }

    private static void requireShape(int rows, int cols, int n, int m) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("an N:M pattern needs a positive shape, got " + rows + " x " + cols);
        }
        if (m < 1 || m > 128 || n < 0 || n > m) {
            throw new IllegalArgumentException(n + ":" + m + " is not an N:M ratio with 0 <= N <= M <= 128");
        }
        if (cols % m != 0) {
            throw new IllegalArgumentException("an N:M pattern needs cols a multiple of M: " + cols + " columns, M = "
                    + m);
        }
        if ((long) rows * (cols / m) * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(rows + " x " + cols + " at " + n + ":" + m
                    + " has more entries than an int array holds");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** N, the entries held in each group. */
    public int n() {
        return n;
    }

    /** M, the columns of each group. */
    public int m() {
        return m;
    }

    /** Entries per row, {@code cols / M * N}. */
    public int k() {
        return cols / m * n;
    }

    /** Number of stored entries, {@code rows * k}. */
    public int nnz() {
        return offsets.length;
    }

    /** The in-group offsets, {@code (rows, G * N)} row-major, increasing within a group. Backing array: do not modify. */
    public byte[] offsets() {
        return offsets;
    }

    /** The column of entry {@code (row, t)}, {@code t = g * N + s}. */
    public int col(int row, int t) {
        return t / n * m + offsets[row * k() + t];
    }

    /** The index {@code row * k + g * N + s} of the entry at (row, col), or -1 when the position is empty. */
    public int indexOf(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        int at = row * k() + col / m * n;
        for (int s = 0; s < n; s++) {
            if (offsets[at + s] == col % m) {
                return at + s;
            }
        }
        return -1;
    }

    /** The same matrix in condensed fan-in form, with the same entry indices; built once and cached. */
    public FanInPattern fanIn() {
        FanInPattern f = fanIn;
        if (f == null) {
            int k = k();
            int[] colIdx = new int[offsets.length];
            for (int e = 0; e < colIdx.length; e++) {
                colIdx[e] = e % k / n * m + offsets[e];
            }
            f = FanInPattern.trusted(rows, cols, k, colIdx);
            fanIn = f;
        }
        return f;
    }

    /** The same entries as a CSR pattern, in the same entry order; cached. */
    public SparsityPattern toCsr() {
        return fanIn().toCsr();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NmPattern p && rows == p.rows && cols == p.cols && n == p.n && m == p.m
                && Arrays.equals(offsets, p.offsets);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * rows + cols) + n) + m) + Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return "NmPattern(" + rows + " x " + cols + ", " + n + ":" + m + ")";
    }
}
