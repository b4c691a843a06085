package rewire.recipe;

import rewire.sparsity.GrowCriterion;

/** How Cannistraci-Hebb regrowth picks among its scores (METHODS E.3; {@link rewire.sparsity.ch.RegrowSampling}). */
public enum SamplingPart implements Part {
    TOPK("topk", "Zhang et al., NeurIPS 2025 (LLM code)", "the k best scores"),
    PROPORTIONAL("proportional", "Zhang et al., NeurIPS 2025 (MLP code)",
            "k positions sampled without replacement in proportion to their scores");

    private final Info info;

    SamplingPart(String key, String paper, String doc) {
        this.info = new Info(key, paper, doc);
    }

    @Override
    public Info info() {
        return info;
    }

    /** {@code base} with this sampling. */
    public GrowCriterion applyTo(GrowCriterion base) {
        return this == TOPK ? base : GrowCriterion.sampled(base);
    }
}
