package rewire.sparse;

/**
 * An N:M sparse matrix: an immutable {@link NmPattern} and its values as a {@code (rows, k)}
 * row-major array, {@code k = cols / M * N}, value {@code r * k + g * N + s} at the s-th entry of
 * group g of row r. The values are mutable in place (an optimizer writes them); their order is
 * the CSR and the condensed fan-in order of the same matrix, so {@link #asFanIn()} shares them and
 * conversions copy without permuting.
 *
 * <pre>
 * values : (rows, cols / M * N)
 * </pre>
 */
public final class NmMatrix extends StructuredMatrix<NmPattern> {
    /** A matrix over {@code values} (not copied), {@code rows * k} of them. */
    public NmMatrix(NmPattern pattern, float[] values) {
        super(pattern, values);
    }

    /** A matrix of zeros on {@code pattern}. */
    public static NmMatrix zeros(NmPattern pattern) {
        return new NmMatrix(pattern, new float[pattern.nnz()]);
    }

    /**
     * A copy of a CSR matrix whose pattern is N:M.
     *
     * @throws IllegalArgumentException naming the first row and group that does not hold N entries
     */
    public static NmMatrix fromCsr(CsrMatrix csr, int n, int m) {
        return new NmMatrix(NmPattern.fromCsr(csr.pattern(), n, m), csr.values().clone());
    }

    /** A copy in CSR form, on {@link NmPattern#toCsr()}. */
    public CsrMatrix toCsr() {
        return new CsrMatrix(pattern().toCsr(), values().clone());
    }

    /** The same matrix in condensed fan-in form, over the same values array (not copied). */
    public FanInMatrix asFanIn() {
        return new FanInMatrix(pattern().fanIn(), values());
    }

    @Override
    public String toString() {
        return "NmMatrix(" + rows() + " x " + cols() + ", " + pattern().n() + ":" + pattern().m() + ", nnz " + nnz() + ")";
    }
}
