package rewire.sparsity;

/**
 * How one layer's current count {@code n}, target count {@code T} and drop fraction {@code z}
 * become the numbers of connections to prune and to grow.
 * <ul>
 *   <li>{@link #overlap()} (RigL, SET, MST; Hu et al. 2024 "Mixed Sparsity Training", B.2):
 *       prune {@code max(floor(z n), n - T)} by the prune criterion and grow
 *       {@code T - (n - prune)}. With {@code T = n} this is "drop z, regrow as many"; with
 *       {@code z = 0} it is gradual pruning to {@code T} without growth (GMP).</li>
 *   <li>{@link #overlapCeil()}: the same with {@code ceil(z n)} (SNFS, Fantastic Weights).</li>
 *   <li>{@link #shrinkThenDrop()} (CHTss, METHODS E.5): first shrink to {@code T} by the shrink
 *       criterion, then drop {@code floor(z min(n, T))} by the prune criterion and regrow them.</li>
 * </ul>
 *
 * @param ceil        round the drop count up instead of down
 * @param shrinkFirst use the two-stage CHTss rule
 */
public record DropRule(boolean ceil, boolean shrinkFirst) {

    public static DropRule overlap() {
        return new DropRule(false, false);
    }

    public static DropRule overlapCeil() {
        return new DropRule(true, false);
    }

    public static DropRule shrinkThenDrop() {
        return new DropRule(false, true);
    }

    /**
     * The counts of one update.
     *
     * @param shrink connections removed by the shrink criterion first (0 unless {@link #shrinkFirst})
     * @param drop   connections then removed by the prune criterion
     * @param grow   connections grown afterwards
     */
    public record Counts(int shrink, int drop, int grow) {
        /** All removed connections. */
        public int pruned() {
            return shrink + drop;
        }
    }

    /** The counts for a layer holding {@code nnz} connections with target {@code target} and drop fraction {@code zeta}. */
    public Counts counts(int nnz, int target, double zeta) {
        if (nnz < 0 || target < 0) {
            throw new IllegalArgumentException("counts need nnz >= 0 and target >= 0, got " + nnz + " and " + target);
        }
        if (!(zeta >= 0 && zeta <= 1)) {
            throw new IllegalArgumentException("drop fraction must be in [0, 1], got " + zeta);
        }
        if (shrinkFirst) {
            int shrink = Math.max(0, nnz - target);
            int drop = round(zeta * Math.min(nnz, target));
            return new Counts(shrink, drop, target - (nnz - shrink - drop));
        }
        int drop = Math.min(nnz, Math.max(round(zeta * nnz), nnz - target));
        return new Counts(0, drop, target - (nnz - drop));
    }

    private int round(double x) {
        // a hair of tolerance so that 0.3 * 10 counts as 3, not 2.9999999999999996
        return (int) (ceil ? Math.ceil(x - 1e-9) : Math.floor(x + 1e-9));
    }
}
