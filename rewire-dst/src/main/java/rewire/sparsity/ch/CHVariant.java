package rewire.sparsity.ch;

/**
 * How a node-based L3 ("L3n") score weighs one pair of same-side nodes that share neighbours
 * (Zhang et al., CHTs, NeurIPS 2025, arXiv 2501.19107; the GPU-friendly approximation of the
 * Cannistraci-Hebb rule on paths of length 3).
 *
 * <p>For a pair {@code (u, v)} of nodes on the same side of the bipartite graph, with
 * {@code a = |N(u) ∩ N(v)|} shared neighbours and {@code deg(v)} the degree of the second node,
 * the external links of {@code v} are {@code e = max(deg(v) - a - 1, 0)}: the links of {@code v}
 * that leave the pair's local community, not counting the one link by which the path continues
 * to its end node. A pair with {@code a = 0} weighs 0.
 */
public enum CHVariant {
    /** CH2: {@code (a + 1) / (e + 1)}; the default of the NeurIPS 2025 scripts ({@code CH2_L3n}). */
    CH2 {
        @Override
        double weigh(int shared, int external) {
            return (shared + 1.0) / (external + 1.0);
        }
    },
    /** CH3: {@code 1 / (e + 1)}; the rule the CHT paper states for paths of length 3. */
    CH3 {
        @Override
        double weigh(int shared, int external) {
            return 1.0 / (external + 1.0);
        }
    };

    /**
     * The weight of a pair with {@code shared > 0} common neighbours whose second node has
     * degree {@code degreeOfSecond}; always positive.
     */
    public double pairFactor(int shared, int degreeOfSecond) {
        if (shared <= 0 || degreeOfSecond < shared) {
            throw new IllegalArgumentException("pair factor needs 0 < shared <= degree, got shared " + shared
                    + ", degree " + degreeOfSecond);
        }
        return weigh(shared, Math.max(degreeOfSecond - shared - 1, 0));
    }

    /** {@link #pairFactor} without argument checks, for the scoring loops. */
    final double pairFactorUnchecked(int shared, int degreeOfSecond) {
        assert shared > 0 && degreeOfSecond >= shared : shared + " shared, degree " + degreeOfSecond;
        return weigh(shared, Math.max(degreeOfSecond - shared - 1, 0));
    }

    abstract double weigh(int shared, int external);
}
