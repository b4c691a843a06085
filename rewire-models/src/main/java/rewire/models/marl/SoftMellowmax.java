package rewire.models.marl;

/**
 * The soft mellowmax operator (Gan, Zhang and Tan, "Stabilizing Q-learning with Soft Mellowmax
 * Operator", AAAI 2021), which MAST (Hu et al., NeurIPS 2024, Eq. 3) puts in place of the max
 * over each agent's own utilities in the bootstrap target:
 * {@code SM_{ω,α}(x) = (1/ω) log Σ_i softmax_α(x)_i exp(ω x_i)}, with ω > 0 and α real.
 * α = 0 is the mellowmax {@code (1/ω) log((1/n) Σ exp(ω x_i))}; ω → ∞ tends to the max.
 *
 * <p>Computed in the stable form {@code m + (1/ω) log Σ_i p_i exp(ω (x_i − m))} with
 * {@code m = max x}, and the softmax shifted by {@code max α x_i}, so no exponential overflows
 * at any input size. Only the allowed entries take part.
 */
public final class SoftMellowmax {
    private final double omega;
    private final double alpha;

    public SoftMellowmax(double omega, double alpha) {
        if (!(omega > 0) || !Double.isFinite(omega) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("soft mellowmax needs a finite omega > 0 and a finite alpha, got omega "
                    + omega + ", alpha " + alpha);
        }
        this.omega = omega;
        this.alpha = alpha;
    }

    public double omega() {
        return omega;
    }

    public double alpha() {
        return alpha;
    }

    /** SM over all of {@code x}. */
    public double of(double... x) {
        boolean[] all = new boolean[x.length];
        java.util.Arrays.fill(all, true);
        return of(x, all);
    }

    /** SM over the entries of {@code x} where {@code allowed} is true (at least one). */
    public double of(double[] x, boolean[] allowed) {
        double max = Double.NEGATIVE_INFINITY;
        double softShift = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (allowed[i]) {
                max = Math.max(max, x[i]);
                softShift = Math.max(softShift, alpha * x[i]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("soft mellowmax over no allowed entry");
        }
        double weights = 0;
        double weighted = 0;
        for (int i = 0; i < x.length; i++) {
            if (allowed[i]) {
                double p = Math.exp(alpha * x[i] - softShift);   // unnormalized softmax_α weight, <= 1
                weights += p;
                weighted += p * Math.exp(omega * (x[i] - max));  // <= p
            }
        }
        return max + Math.log(weighted / weights) / omega;
    }

    @Override
    public String toString() {
        return "SoftMellowmax(omega " + omega + ", alpha " + alpha + ")";
    }
}
