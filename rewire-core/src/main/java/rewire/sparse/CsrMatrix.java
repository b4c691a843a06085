package rewire.sparse;

/**
 * A sparse matrix: an immutable {@link SparsityPattern} and a values array of length nnz whose
 * entry {@code e} is the weight of connection {@code e}. The values are mutable in place (the
 * optimizer writes them); the pattern changes only by making a new matrix through a {@link Remap}.
 */
public final class CsrMatrix {
    private final SparsityPattern pattern;
    private final float[] values;

    /** A matrix over {@code values} (not copied). */
    public CsrMatrix(SparsityPattern pattern, float[] values) {
        if (values.length != pattern.nnz()) {
            throw new IllegalArgumentException(
                    "values has length " + values.length + " but the pattern has nnz " + pattern.nnz());
        }
        this.pattern = pattern;
        this.values = values;
    }

    /** A matrix of zeros on {@code pattern}. */
    public static CsrMatrix zeros(SparsityPattern pattern) {
        return new CsrMatrix(pattern, new float[pattern.nnz()]);
    }

    public SparsityPattern pattern() {
        return pattern;
    }

    /** The backing values array, one per entry of the pattern. */
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

    /** The value at (row, col), 0 where the pattern has no entry. */
    public float get(int row, int col) {
        int e = pattern.indexOf(row, col);
        return e < 0 ? 0f : values[e];
    }

    /** The same matrix moved to {@code remap}'s new pattern; grown entries take {@code fill}. */
    public CsrMatrix remap(Remap remap, float fill) {
        if (!remap.from().equals(pattern)) {
            throw new IllegalArgumentException("remap starts from " + remap.from() + ", matrix has " + pattern);
        }
        return new CsrMatrix(remap.to(), remap.apply(values, fill));
    }

    public CsrMatrix copy() {
        return new CsrMatrix(pattern, values.clone());
    }

    @Override
    public String toString() {
        return "CsrMatrix(" + rows() + " x " + cols() + ", nnz " + nnz() + ")";
    }
}
