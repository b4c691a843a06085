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
public final class DiagonalMatrix extends StructuredMatrix<DiagonalPattern> {
    /** A matrix over {@code values} (not copied), {@code K * D} of them. */
    public DiagonalMatrix(DiagonalPattern pattern, float[] values) {
        super(pattern, values);
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
        return new DiagonalMatrix(pattern, gathered(csr, pattern.csrEntries()));
    }

    /** A copy in CSR form, on {@link DiagonalPattern#toCsr()}. */
    public CsrMatrix toCsr() {
        return scatteredToCsr(pattern().csrEntries());
    }

    @Override
    public String toString() {
        return "DiagonalMatrix(" + rows() + " x " + cols() + ", " + pattern().count() + " diagonals, nnz " + nnz() + ")";
    }
}
