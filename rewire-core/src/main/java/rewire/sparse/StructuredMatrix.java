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

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + pattern + ")";
    }
}
