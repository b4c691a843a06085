package rewire.sparsity;

import rewire.nn.SparseParam;

/** A prune criterion whose score of an entry depends only on that entry's weight and gradient. */
record EntryScores(String name, Formula formula, boolean needsGradient) implements PruneCriterion {

    /** The score of one entry. */
    @FunctionalInterface
    interface Formula {
        float score(float weight, float grad);
    }

    @Override
    public float[] scores(SparseParam param) {
        float[] w = param.values();
        float[] g = param.grad();
        if (needsGradient && g.length != w.length) {
            throw new IllegalStateException(param.name() + ": " + name + " needs a gradient per entry, found "
                    + g.length + " for " + w.length + " entries");
        }
        float[] out = new float[w.length];
        for (int e = 0; e < w.length; e++) {
            out[e] = formula.score(w[e], needsGradient ? g[e] : 0f);
        }
        return out;
    }
}
