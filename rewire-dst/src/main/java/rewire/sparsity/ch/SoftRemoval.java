package rewire.sparsity.ch;

import rewire.sparsity.RelativeImportance;

import rewire.tensor.Rng;

/**
 * The soft removal rule of CHTs (Zhang et al., NeurIPS 2025, arXiv 2501.19107; METHODS E.2):
 * instead of keeping the top {@code n_keep} links by score, the survivors are drawn without
 * replacement with probability proportional to {@code max(score, 1e-12)^T}. A low temperature
 * {@code T} explores, a high one approaches hard top-k; {@link SoftTemperature} raises it over
 * training. The score is {@code |w|} or {@link RelativeImportance}.
 *
 * <p>Weights are handled in log space, so {@code score^T} never overflows to infinity nor
 * underflows to 0, and the reference code's fallback to a uniform draw (taken when the float32
 * sum of weights is not a positive finite number) is never needed.
 */
public final class SoftRemoval {
    /** Scores are clamped to at least this before the power, as in the reference. */
    public static final double MIN_SCORE = 1e-12;

    private SoftRemoval() {
    }

    /**
     * The number of links the soft rule keeps out of {@code nnz} at drop fraction {@code ζ}:
     * {@code nnz - floor(ζ · nnz)}, but at least one link of a non-empty layer.
     */
    public static int keepCount(int nnz, double dropFraction) {
        if (nnz < 0 || !(dropFraction >= 0 && dropFraction <= 1)) {
            throw new IllegalArgumentException("keep count needs nnz >= 0 and a drop fraction in [0, 1], got nnz "
                    + nnz + ", fraction " + dropFraction);
        }
        int keep = nnz - (int) Math.floor(dropFraction * nnz);
        return nnz == 0 ? 0 : Math.max(1, keep);
    }

    /**
     * The entries that survive: {@code keep} indices into {@code scores} (one per existing link,
     * in entry order), drawn without replacement with probability proportional to
     * {@code max(score, MIN_SCORE)^temperature}, in increasing order. Deterministic given
     * {@code rng}, which advances by one split.
     *
     * @throws IllegalArgumentException if {@code keep} is outside {@code [0, scores.length]}, the
     *     temperature is negative or not finite, or a score is negative, NaN or infinite
     */
    public static int[] keep(float[] scores, int keep, double temperature, Rng rng) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and non-negative, got " + temperature);
        }
        double[] logWeights = new double[scores.length];
        for (int e = 0; e < scores.length; e++) {
            float s = scores[e];
            if (!(s >= 0) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("removal score " + s + " of entry " + e
                        + " is not a finite non-negative number");
            }
            logWeights[e] = temperature * Math.log(Math.max(s, MIN_SCORE));
        }
        return WeightedSampling.sample(logWeights, keep, rng);
    }
}
