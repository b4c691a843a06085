package rewire.recipe;

import rewire.sparsity.GrowCriterion;
import rewire.sparsity.ch.CHVariant;
import rewire.sparsity.ch.CannistraciHebbGrowth;

/** The grow criteria recipes can name ({@link GrowCriterion} holds them). */
public enum GrowPart implements Part {
    RANDOM("random", "Mocanu et al., Nature Communications 2018 (SET)", "uniformly random free positions"),
    GRADIENT("gradient", "Evci et al., ICML 2020 (RigL)", "largest |dense gradient dy·xᵀ|, streamed in row tiles"),
    MOMENTUM("momentum", "Dettmers and Zettlemoyer, 2019 (SNFS)",
            "largest |dense momentum|, growth moved between layers by mean |momentum|"),
    NONE("none", "Zhu and Gupta, 2017 (gradual pruning)", "no growth"),
    CH("ch", "Zhang et al., NeurIPS 2025 (CHTs)", "Cannistraci-Hebb link prediction, CH2-L3n"),
    CH3("ch3", "Zhang et al., ICLR 2024 (CHT)", "Cannistraci-Hebb link prediction, CH3-L3n");

    private final Info info;

    GrowPart(String key, String paper, String doc) {
        this.info = new Info(key, paper, doc);
    }

    @Override
    public Info info() {
        return info;
    }

    /** The criterion. */
    public GrowCriterion criterion() {
        return switch (this) {
            case RANDOM -> GrowCriterion.random();
            case GRADIENT -> GrowCriterion.gradient();
            case MOMENTUM -> GrowCriterion.momentum();
            case NONE -> GrowCriterion.none();
            case CH -> CannistraciHebbGrowth.criterion(CHVariant.CH2);
            case CH3 -> CannistraciHebbGrowth.criterion(CHVariant.CH3);
        };
    }
}
