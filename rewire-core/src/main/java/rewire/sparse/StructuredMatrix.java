package rewire.sparse;

/**
 * A matrix in a structured storage format: an immutable pattern and its values in the format's
 * entry order, mutable in place (an optimizer writes them) like {@link CsrMatrix}'s. What every
 * format's matrix shares; each adds its conversions to and from CSR.
 *
 * @param <P> the format's pattern
 */
public abstract class StructuredMatrix<P extends StructuredPattern> {
    private final P pattern;
    private final float[] values;

    /** A matrix over {@code values} (not copied), one per entry of {@code pattern}. */
    protected StructuredMatrix(P pattern, float[] values) {
        if (values.length != pattern.nnz()) {
            throw new IllegalArgumentException("values has length " + values.length + " but " + pattern + " holds "
                    + pattern.nnz() + " entries");
        }
        this.pattern = pattern;
        this.values = values;
    }

    public final P pattern() {
        return pattern;
    }

    /** The backing values array, in the format's entry order. */
    public final float[] values() {
        return values;
    }

    public final int rows() {
        return pattern.rows();
    }

    public final int cols() {
        return pattern.cols();
    }

    public final int nnz() {
        return pattern.nnz();
    }

    /** The value at (row, col), 0 where the pattern holds no entry. */
    public final float get(int row, int col) {
        int e = pattern.indexOf(row, col);
        return e < 0 ? 0f : values[e];
    }

    /** A copy in CSR form, on {@link StructuredPattern#toCsr()}. */
    public abstract CsrMatrix toCsr();

    /** The values of {@code csr} in a format's order: value {@code e} is CSR entry {@code entries[e]}. */
    protected static float[] gathered(CsrMatrix csr, int[] entries) {
        float[] values = new float[entries.length];
        for (int e = 0; e < entries.length; e++) {
            values[e] = csr.values()[entries[e]];
        }
        return values;
    }

    /** A copy in CSR form whose entry {@code entries[e]} is this matrix's value {@code e}. */
    protected final CsrMatrix scatteredToCsr(int[] entries) {
        float[] csrValues = new float[entries.length];
        for (int e = 0; e < entries.length; e++) {
            csrValues[entries[e]] = values[e];
        }
        return new CsrMatrix(pattern.toCsr(), csrValues);
    }
}
