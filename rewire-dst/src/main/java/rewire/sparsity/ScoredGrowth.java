package rewire.sparsity;

import rewire.kernel.DenseScores;
import rewire.kernel.Kernels;
import rewire.kernel.TopK;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * Growth by one score per position and a key rule: random ({@link KeyRule#uniform()}, no
 * scores), gradient, momentum, or any {@link LayerScorer} such as Cannistraci-Hebb link
 * prediction, picked by hard top-k or by proportional sampling.
 *
 * <p>Unstructured gradient growth by hard top-k goes through
 * {@link DenseScores#topAbsProductOutside}, the fused tile kernel. A proportional rule that runs
 * out of positive scores (a winning key is -infinity) retries with 1e-5 added to every score, as
 * CHTs does when the k-th largest score is zero (METHODS E.3).
 *
 * @param name   a short name for reports
 * @param scorer scores per position, or null when {@code rule} ignores them
 * @param rule   how scores become keys
 */
public record ScoredGrowth(String name, LayerScorer scorer, KeyRule rule) implements GrowCriterion {

    static final double ZERO_SCORE_OFFSET = 1e-5;

    public ScoredGrowth {
        if (rule == null || (rule.usesScores() && scorer == null)) {
            throw new IllegalArgumentException("grow criterion " + name + ": rule " + rule + " needs a scorer");
        }
    }

    @Override
    public Selection select(GrowRequest req) {
        if (req.count() == 0) {
            return Selection.empty();
        }
        if (scorer instanceof GradientScorer && rule instanceof KeyRule.Top
                && req.constraint() instanceof Unstructured) {
            LayerView layer = GradientScorer.requireBatch(req.layer());
            TopK.Result best = DenseScores.topAbsProductOutside(req.kernels(), layer.outputGrad(),
                    layer.activations(), req.exclude(), req.quota()[0], req.tileFloats());
            return Selection.unsorted(best.positions(), best.scores());
        }
        Selection s = selectWith(req, rule, req.rng());
        if (rule instanceof KeyRule.Proportional p && s.hasInfiniteKey()) {
            // the retry scores every candidate again
            Selection lifted = selectWith(req, p.withOffset(ZERO_SCORE_OFFSET), req.rng().fold(1));
            s = lifted.plusScoringFlops(s.scoringFlops());
        }
        return s;
    }

    /** The score source of one layer, or null when the rule ignores scores. */
    ScoreSource source(LayerView layer, SparsityPattern kept, Kernels kernels) {
        return rule.usesScores() ? scorer.scores(layer, kept, kernels) : null;
    }

    private Selection selectWith(GrowRequest req, KeyRule keys, Rng rng) {
        ScoreSource scores = source(req.layer(), req.kept(), req.kernels());
        Selection s = req.constraint().select(req.kept(), req.exclude(), req.quota(), scores, keys, rng,
                req.tileFloats());
        return scores == null ? s : s.plusScoringFlops(scores.flops());
    }

    @Override
    public ScoredGrowth asScored() {
        return this;
    }

    @Override
    public boolean needsDenseGradient() {
        return scorer instanceof GradientScorer;
    }
}
