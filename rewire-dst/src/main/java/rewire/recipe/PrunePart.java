package rewire.recipe;

import rewire.sparsity.PruneCriterion;

/** The prune criteria recipes can name (METHODS C.1; {@link PruneCriterion} holds the formulas). */
public enum PrunePart implements Part {
    MAGNITUDE("magnitude", "Zhu and Gupta, 2017; RigL", "|w|: the smallest magnitudes go"),
    SET("set", "Mocanu et al., Nature Communications 2018 (SET)",
            "the weights nearest zero of each sign, each sign losing the same fraction"),
    SET_EQUAL_SPLIT("set-equal-split", "Nowak et al., NeurIPS 2023 (SET_fixed)",
            "the weights nearest zero, an equal count from each sign"),
    MEST("mest", "Yuan et al., NeurIPS 2021 (MEST)", "|w| + gamma |g|"),
    SNIP("snip", "Lee et al., ICLR 2019 (SNIP)", "|w g|"),
    SENSITIVITY("sensitivity", "Nowak et al., NeurIPS 2023", "|g| / (|w| + 1e-8)"),
    RSENSITIVITY("rsensitivity", "Nowak et al., NeurIPS 2023", "reciprocal sensitivity |w| / (|g| + 1e-8)"),
    TAYLOR("taylor", "Molchanov et al., CVPR 2019", "first-order Taylor (w g)^2"),
    RANDOM("random", "Nowak et al., NeurIPS 2023", "uniformly random removal"),
    RI("ri", "Zhang et al., ICLR 2024 (CHT)",
            "relative importance |w| / column sum |w| + |w| / row sum |w|");

    private final Info info;

    PrunePart(String key, String paper, String doc) {
        this.info = new Info(key, paper, doc);
    }

    @Override
    public Info info() {
        return info;
    }

    /** The criterion; {@code mestGamma} is MEST's gradient weight, read only by {@link #MEST}. */
    public PruneCriterion criterion(double mestGamma) {
        return switch (this) {
            case MAGNITUDE -> PruneCriterion.magnitude();
            case SET -> PruneCriterion.set();
            case SET_EQUAL_SPLIT -> PruneCriterion.setEqualSplit();
            case MEST -> PruneCriterion.mest(mestGamma);
            case SNIP -> PruneCriterion.snip();
            case SENSITIVITY -> PruneCriterion.sensitivity();
            case RSENSITIVITY -> PruneCriterion.reciprocalSensitivity();
            case TAYLOR -> PruneCriterion.taylor();
            case RANDOM -> PruneCriterion.random();
            case RI -> PruneCriterion.relativeImportance();
        };
    }
}
