package rewire.sparsity;

import rewire.kernel.TopK;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** No structure: prune and grow rank all entries and positions of the layer together. */
final class Unstructured implements Constraint {
    static final Unstructured INSTANCE = new Unstructured();

    private Unstructured() {
    }

    @Override
    public String name() {
        return "unstructured";
    }

    @Override
    public int feasibleNnz(int rows, int cols, long target) {
        return (int) Math.max(0, Math.min((long) rows * cols, target));
    }

    @Override
    public String violation(SparsityPattern pattern) {
        return null;
    }

    @Override
    public SparsityPattern randomPattern(int rows, int cols, int nnz, Rng rng) {
        return Patterns.random(rows, cols, nnz, rng);
    }

    @Override
    public boolean[] keep(SparsityPattern pattern, float[] scores, KeyRule rule, Rng rng, int pruneCount, int target) {
        int n = pattern.nnz();
        float[] keys = new float[n];
        for (int e = 0; e < n; e++) {
            keys[e] = rule.key(scores[e], rng);
        }
        return Ranking.keepTop(keys, Math.max(0, Math.min(n - pruneCount, target)));
    }

    @Override
    public int[] growQuota(SparsityPattern kept, int target) {
        return new int[] {Math.max(0, target - kept.nnz())};
    }

    @Override
    public Selection select(SparsityPattern kept, SparsityPattern exclude, int[] quota, ScoreSource scores,
                            KeyRule rule, Rng rng, int tileFloats) {
        assert quota.length == 1;
        if (rule instanceof KeyRule.Uniform && UniformDraw.applies(exclude, quota[0])) {
            return UniformDraw.select(exclude, quota[0], rng);
        }
        TopK top = new TopK(quota[0]);
        offer(exclude, scores, rule, rng, tileFloats, top, 0);
        TopK.Result best = top.unordered();  // Selection.unsorted orders them by position
        return Selection.unsorted(best.positions(), best.scores());
    }

    /** Offers every candidate of one layer to {@code top}, positions shifted by {@code base} (global ranking). */
    static void offer(SparsityPattern exclude, ScoreSource scores, KeyRule rule, Rng rng, int tileFloats, TopK top,
                      long base) {
        int cols = exclude.cols();
        ScoreSource source = rule.usesScores() ? scores : null;
        if (rule.usesScores() && scores == null) {
            throw new IllegalArgumentException("key rule " + rule + " needs scores but the grow criterion gave none");
        }
        Scan.candidates(exclude, source, tileFloats,
                (r, c, s) -> top.offer(rule.key(s, rng), base + (long) r * cols + c));
    }
}
