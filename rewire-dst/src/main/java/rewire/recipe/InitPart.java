package rewire.recipe;

/** First values of newly grown weights ({@link rewire.sparsity.GrowthInit}); parsed as an {@link InitChoice}. */
public enum InitPart implements Part {
    ZERO("zero", "RigL (grow_init zeros); SET's Keras code", "zero"),
    NORMAL("normal:STD", "SET's NumPy code (normal:0.1)", "Gaussian with standard deviation STD"),
    HE("he", "He et al., ICCV 2015", "He normal by each row's fan-in in the new pattern");

    private final Info info;

    InitPart(String key, String paper, String doc) {
        this.info = new Info(key, paper, doc);
    }

    @Override
    public Info info() {
        return info;
    }
}
