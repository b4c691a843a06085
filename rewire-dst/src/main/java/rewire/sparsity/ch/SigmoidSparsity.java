package rewire.sparsity.ch;

import rewire.optim.Schedule;

/**
 * The gradual density decay of CHTss (Zhang et al., NeurIPS 2025, arXiv 2501.19107; METHODS
 * E.5): sparsity moves from {@code s_0} to {@code s_1} along a sigmoid of the prune iteration
 * {@code i = floor((t - startStep) / interval)}, one iteration per topology update, over
 * {@code N} iterations:
 * <pre>
 * s(i) = s_0 + (s_1 - s_0) · [σ(k(i - N/2)) - σ(-kN/2)] / [σ(kN/2) - σ(-kN/2)],   k = steepness / (N/2)
 * </pre>
 * so {@code s(0) = s_0}, {@code s(N) = s_1}, and the curve is point-symmetric about
 * {@code N/2}. The reference uses {@code steepness = 6}.
 *
 * <p>{@code N = floor(endStep / interval) - floor(startStep / interval)}, at least 1, as in the
 * reference. Outside the window the iteration is clamped, so the schedule holds {@code s_0}
 * before it and {@code s_1} after it (the reference simply stops pruning there). The reference
 * subtracts {@code floor(startStep / interval)} from the step before dividing, mixing units; that
 * only matters for a non-zero start and is not copied here.
 *
 * @param initialSparsity {@code s_0}, the sparsity at the first iteration
 * @param finalSparsity {@code s_1}, the target sparsity
 * @param startStep first step of the decay window
 * @param endStep last step of the decay window ({@code pruning_T_end})
 * @param interval steps between topology updates ({@code ΔT})
 * @param steepness {@code kN/2}; 6 in the reference
 */
public record SigmoidSparsity(double initialSparsity, double finalSparsity, long startStep, long endStep,
                              long interval, double steepness) implements Schedule {
    /** The reference's steepness {@code kN/2}. */
    public static final double DEFAULT_STEEPNESS = 6;
    /** The reference's initial sparsity ({@code granet_init_sparsity}). */
    public static final double DEFAULT_INITIAL_SPARSITY = 0.5;

    public SigmoidSparsity {
        if (!(initialSparsity >= 0 && initialSparsity <= 1 && finalSparsity >= 0 && finalSparsity <= 1)) {
            throw new IllegalArgumentException("sparsities must lie in [0, 1], got " + initialSparsity + " -> "
                    + finalSparsity);
        }
        if (startStep < 0 || endStep < startStep || interval < 1 || !(steepness > 0) || Double.isInfinite(steepness)) {
            throw new IllegalArgumentException("sigmoid sparsity needs 0 <= startStep <= endStep, interval >= 1 and a"
                    + " finite positive steepness, got steps " + startStep + ".." + endStep + ", interval " + interval
                    + ", steepness " + steepness);
        }
    }

    /** CHTss as in its scripts: from sparsity 0.5 at step 0 to {@code finalSparsity} at {@code endStep}. */
    public static SigmoidSparsity chtss(double finalSparsity, long endStep, long interval) {
        return new SigmoidSparsity(DEFAULT_INITIAL_SPARSITY, finalSparsity, 0, endStep, interval, DEFAULT_STEEPNESS);
    }

    /** {@code N}, the number of prune iterations in the window. */
    public long iterations() {
        return Math.max(1, endStep / interval - startStep / interval);
    }

    /** The sparsity at step {@code t}. */
    @Override
    public double at(long step) {
        long n = iterations();
        long i = Math.clamp(Math.floorDiv(step - startStep, interval), 0, n);
        return atIteration(i);
    }

    /** The sparsity at prune iteration {@code i} in {@code [0, N]}. */
    public double atIteration(long i) {
        long n = iterations();
        if (i < 0 || i > n) {
            throw new IllegalArgumentException("prune iteration " + i + " outside [0, " + n + "]");
        }
        return initialSparsity + (finalSparsity - initialSparsity) * shape(i, n, steepness);
    }

    /** The density {@code 1 - s(t)} as a schedule. */
    public Schedule density() {
        return step -> 1 - at(step);
    }

    /** The normalized S-curve: 0 at {@code i = 0}, 1 at {@code i = n}, one half at {@code n / 2}. */
    static double shape(double i, double n, double steepness) {
        double half = n / 2;
        double k = steepness / half;
        double low = sigmoid(-k * half);
        return (sigmoid(k * (i - half)) - low) / (sigmoid(k * half) - low);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
