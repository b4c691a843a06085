package rewire.models.marl;

/**
 * The soft mellowmax operator (Gan, Zhang and Tan, "Stabilizing Q-learning with Soft Mellowmax
 * Operator", AAAI 2021), which MAST (Hu et al., NeurIPS 2024, Eq. 3) puts in place of the max
 * over each agent's own utilities in the bootstrap target:
 * {@code SM_{ω,α}(x) = (1/ω) log Σ_i softmax_α(x)_i exp(ω x_i)}, with ω > 0 and α real.
 * α = 0 is the mellowmax {@code (1/ω) log((1/n) Σ exp(ω x_i))}; ω → ∞ tends to the max.
 *
 * <p>Computed in a stable form: since {@code softmax_α(x)_i exp(ω x_i) = exp((α+ω) x_i) / Σ_j exp(α x_j)},
 * {@code SM = (LSE((α+ω) x) − LSE(α x)) / ω} with each log-sum-exp shifted by its maximum (the
 * {@code m + (1/ω) log Σ p_i exp(ω (x_i − m))} form of METHODS.md A.1, rearranged so that no
 * exponential overflows or underflows to a zero sum at any input size or sign of α). Only the
 * allowed entries take part.
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
        // Σ_i softmax_α(x)_i e^{ω x_i} = Σ_i e^{(α+ω) x_i} / Σ_j e^{α x_j}, so
        // SM = (LSE((α+ω) x) − LSE(α x)) / ω, each log-sum-exp shifted by its own maximum
        return (logSumExp(x, allowed, alpha + omega) - logSumExp(x, allowed, alpha)) / omega;
    }

    // log Σ_i e^{scale·x_i} over the allowed entries, stable for any scale and size
    private static double logSumExp(double[] x, boolean[] allowed, double scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (allowed[i]) {
                max = Math.max(max, scale * x[i]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("soft mellowmax over no allowed entry");
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (allowed[i]) {
                sum += Math.exp(scale * x[i] - max);
            }
        }
        return max + Math.log(sum);
    }

    @Override
    public String toString() {
        return "SoftMellowmax(omega " + omega + ", alpha " + alpha + ")";
    }
}
