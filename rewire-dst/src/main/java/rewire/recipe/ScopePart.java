package rewire.recipe;

import rewire.sparsity.Scope;

/** Where pruning ranks candidates ({@link Scope}). */
public enum ScopePart implements Part {
    LAYER("layer", "per layer", "each layer keeps its own counts and ranks its own connections"),
    GLOBAL("global", "Zhu and Gupta, 2017 (global variant)",
            "one ranking over all layers: layers gain or lose by their scores");

    private final Info info;

    ScopePart(String key, String paper, String doc) {
        this.info = new Info(key, paper, doc);
    }

    @Override
    public Info info() {
        return info;
    }

    /** The scope. */
    public Scope scope() {
        return this == LAYER ? Scope.PER_LAYER : Scope.GLOBAL;
    }
}
