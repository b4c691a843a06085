package rewire.sparse;

/**
 * A matrix stored as K wrap-around diagonals: an immutable {@link DiagonalPattern} and its values
 * as a {@code K x D} row-major array, value {@code k * D + i} at position {@code i} of the k-th
 * chosen diagonal. The values are mutable in place (an optimizer writes them), like
 * {@link CsrMatrix}'s; converting to and from CSR is for checks, export and the DST engine.
 *
 * <pre>
 * values : (K, D)   D = min(rows, cols)
 * </pre>
 */
public final class DiagonalMatrix {
    private final DiagonalPattern pattern;
    private final float[] values;

    /** A matrix over {@code values} (not copied), {@code K * D} of them. */
    public DiagonalMatrix(DiagonalPattern pattern, float[] values) {
        if (values.length != pattern.nnz()) {
            throw new IllegalArgumentException("values has length " + values.length + " but " + pattern + " holds "
                    + pattern.count() + " x " + pattern.length() + " = " + pattern.nnz() + " entries");
        }
        this.pattern = pattern;
        this.values = values;
    }

    /** A matrix of zeros on {@code pattern}. */
    public static DiagonalMatrix zeros(DiagonalPattern pattern) {
        return new DiagonalMatrix(pattern, new float[pattern.nnz()]);
    }

    /**
     * The same matrix from CSR form, whose pattern must consist of whole diagonals.
     *
     * @throws IllegalArgumentException naming a diagonal that the pattern holds only in part
     */
    public static DiagonalMatrix fromCsr(CsrMatrix csr) {
        DiagonalPattern pattern = DiagonalPattern.fromCsr(csr.pattern());
        int[] entries = pattern.csrEntries();
        float[] values = new float[entries.length];
        for (int e = 0; e < entries.length; e++) {
            values[e] = csr.values()[entries[e]];
        }
        return new DiagonalMatrix(pattern, values);
    }

    /** A copy in CSR form, on {@link DiagonalPattern#toCsr()}. */
    public CsrMatrix toCsr() {
        int[] entries = pattern.csrEntries();
        float[] csrValues = new float[entries.length];
        for (int e = 0; e < entries.length; e++) {
            csrValues[entries[e]] = values[e];
        }
        return new CsrMatrix(pattern.toCsr(), csrValues);
    }

    public DiagonalPattern pattern() {
        return pattern;
    }

    /** The backing {@code (K, D)} values array. */
    public float[] values() {
        return values;
    }

    public int rows() {
        return pattern.rows();
    }

    public int cols() {
        return pattern.cols();
    }

    public int nnz() {
        return pattern.nnz();
    }

    /** The value at (row, col), 0 where no chosen diagonal passes. */
    public float get(int row, int col) {
        int e = pattern.indexOf(row, col);
        return e < 0 ? 0f : values[e];
    }

    @Override
    public String toString() {
        return "DiagonalMatrix(" + rows() + " x " + cols() + ", " + pattern.count() + " diagonals, nnz " + nnz() + ")";
    }
}
