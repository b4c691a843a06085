package rewire.sparse;

/**
 * A matrix with constant fan-in in condensed form: an immutable {@link FanInPattern} and its
 * values as a {@code (rows, k)} row-major array, value {@code r * k + t} at the t-th input of row
 * r. The values are mutable in place (an optimizer writes them), like {@link CsrMatrix}'s; their
 * order is the CSR order of the same matrix, so conversions copy without permuting.
 *
 * <pre>
 * values : (rows, k)
 * </pre>
 */
public final class FanInMatrix extends StructuredMatrix<FanInPattern> {
    /** A matrix over {@code values} (not copied), {@code rows * k} of them. */
    public FanInMatrix(FanInPattern pattern, float[] values) {
        super(pattern, values);
    }

    /** A matrix of zeros on {@code pattern}. */
    public static FanInMatrix zeros(FanInPattern pattern) {
        return new FanInMatrix(pattern, new float[pattern.nnz()]);
    }

    /**
     * A copy of a CSR matrix whose rows all hold the same number of entries.
     *
     * @throws IllegalArgumentException naming the first row whose count differs from row 0's
     */
    public static FanInMatrix fromCsr(CsrMatrix csr) {
        return new FanInMatrix(FanInPattern.fromCsr(csr.pattern()), csr.values().clone());
    }

    /** A copy in CSR form, on {@link FanInPattern#toCsr()}. */
    public CsrMatrix toCsr() {
        return new CsrMatrix(pattern().toCsr(), values().clone());
    }

    @Override
    public String toString() {
        return "FanInMatrix(" + rows() + " x " + cols() + ", fan-in " + pattern().k() + ", nnz " + nnz() + ")";
    }
}
