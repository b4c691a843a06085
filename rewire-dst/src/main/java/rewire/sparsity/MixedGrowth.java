package rewire.sparsity;

/**
 * Growth in two stages: {@code floor(quota * share)} of each group's quota by {@code first}, the
 * rest by {@code second} among the positions still free. MST's mixed growing (Hu et al., TMLR
 * 2025, "Mixed Sparsity Training: Achieving 4x FLOP Reduction for Transformer Pretraining",
 * METHODS B.2) is gradient then random with {@code share = r / (r + 1)}, {@code r = 3}.
 *
 * @param first  the first-stage criterion
 * @param second the second-stage criterion
 * @param share  the fraction of each quota that the first stage grows, in [0, 1]
 */
record MixedGrowth(GrowCriterion first, GrowCriterion second, double share) implements GrowCriterion {

    MixedGrowth {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("mixed growth share must be in [0, 1], got " + share);
        }
        if (first.needsDenseMomentum() || second.needsDenseMomentum()) {
            throw new IllegalArgumentException("mixed growth cannot hold momentum growth (" + first.name() + ", "
                    + second.name() + "): SNFS moves growth between layers, which a per-layer split would undo");
        }
    }

    @Override
    public String name() {
        return first.name() + "+" + second.name();
    }

    @Override
    public boolean needsDenseGradient() {
        return first.needsDenseGradient() || second.needsDenseGradient();
    }

    @Override
    public Selection select(GrowRequest req) {
        int[] quota = req.quota();
        for (int g = 0; g < quota.length; g++) {
            quota[g] = (int) Math.floor(quota[g] * share + 1e-9);
        }
        Selection s1 = first.select(req.withQuota(quota).withRng(req.rng().fold(0)));
        Selection s2 = second.select(req.after(s1, req.rng().fold(1)));
        return s1.plus(s2);
    }
}
