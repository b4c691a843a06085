package rewire.prune;

/**
 * How sparse one-shot pruning makes each layer: unstructured (a fraction {@code s} of the weights
 * removed) or N:M (exactly {@code n} weights kept in every group of {@code m} consecutive inputs
 * of a row, the semi-structured form of Mishra et al. 2021 that sparse tensor cores run).
 *
 * @param sparsity the fraction of weights removed, in [0, 1): for N:M, {@code 1 - n/m}
 * @param n        weights kept per group, or 0 for unstructured
 * @param m        group size, or 0 for unstructured
 */
public record SparsityTarget(double sparsity, int n, int m) {

    public SparsityTarget {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + sparsity);
        }
        if (m != 0 && (n < 1 || n > m)) {
            throw new IllegalArgumentException("N:M needs 1 <= N <= M, got " + n + ":" + m);
        }
        if (m == 0 && n != 0) {
            throw new IllegalArgumentException("N without M: " + n + ":" + m);
        }
    }

    /** A fraction {@code sparsity} of each layer's weights removed. */
    public static SparsityTarget unstructured(double sparsity) {
        return new SparsityTarget(sparsity, 0, 0);
    }

    /** {@code n} weights kept in every {@code m} consecutive inputs of each row. */
    public static SparsityTarget nOfM(int n, int m) {
        if (m < 1) {
            throw new IllegalArgumentException("N:M needs M >= 1, got " + n + ":" + m);
        }
        return new SparsityTarget(1 - (double) n / m, n, m);
    }

    /**
     * {@code N:M} as typed on a command line, such as {@code 2:4}.
     *
     * @throws IllegalArgumentException naming the text when it is not two positive integers N <= M
     */
    public static SparsityTarget parseNOfM(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,4}") || !parts[1].matches("\\d{1,4}")) {
            throw new IllegalArgumentException("'" + text + "' is not N:M (for example 2:4 or 4:8)");
        }
        return nOfM(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** Whether the pattern is N:M. */
    public boolean semiStructured() {
        return m != 0;
    }

    /** The fraction of weights kept. */
    public double density() {
        return 1 - sparsity;
    }

    /** Weights removed from a row of {@code cols} inputs under unstructured pruning: {@code floor(s · cols)}. */
    public int prunedPerRow(int cols) {
        return (int) Math.floor(sparsity * cols);
    }

    /**
     * Fails, naming the layer, when a layer of {@code cols} inputs cannot hold the pattern (N:M
     * needs a multiple of M).
     */
    public void requireFits(String layer, int cols) {
        if (semiStructured() && cols % m != 0) {
            throw new IllegalArgumentException(layer + " has " + cols + " inputs, not a multiple of " + m + ": it cannot "
                    + "be pruned " + this);
        }
    }

    /** {@code 2:4}, or the sparsity as a percentage such as {@code 50%}. */
    @Override
    public String toString() {
        if (semiStructured()) {
            return n + ":" + m;
        }
        return new java.math.BigDecimal(sparsity * 100).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
