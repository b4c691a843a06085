package rewire.cli.report;

/**
 * Outgoing connection counts per input of the first sparse layer at the end of a run, laid out
 * as the input image ({@code rows × cols}, 28 × 28 for Fashion-MNIST), from run.json's
 * {@code connectivity}.
 *
 * @param layer  the layer the counts belong to
 * @param rows   image height
 * @param cols   image width
 * @param counts row-major counts, {@code rows · cols} of them
 */
public record Connectivity(String layer, int rows, int cols, long[] counts) {
    public Connectivity {
        if (rows <= 0 || cols <= 0 || (long) rows * cols != counts.length) {
            throw new IllegalArgumentException("connectivity shape " + rows + "x" + cols + " does not match "
                    + counts.length + " counts");
        }
        counts = counts.clone();
    }

    /** A copy of the row-major counts. */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** The largest count. */
    public long max() {
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }

    /** The count of input pixel (row, col). */
    public long count(int row, int col) {
        return counts[row * cols + col];
    }
}
