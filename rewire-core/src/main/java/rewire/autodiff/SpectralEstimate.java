package rewire.autodiff;

import rewire.tensor.Rng;

/**
 * What spectral normalization ({@link SpectralNormOps#spectralNorm}) keeps for one weight
 * {@code W (rows, cols)}: the power iteration's unit vectors {@code u (rows,)} and {@code v (cols,)},
 * updated in place by every training pass and read as they are in evaluation (both are state to
 * checkpoint, as PyTorch's {@code weight_u} and {@code weight_v}), and, for the layer that owns
 * it, the last pass's {@code σ} and the coefficient {@code c = ⟨dL/dW̄, W⟩ / σ²} of the gradient's
 * rank-one term, so that the dense gradient with respect to {@code W} can be formed off the
 * pattern too (growth by gradient).
 */
public final class SpectralEstimate {
    private final float[] u;
    private final float[] v;
    private double sigma = Double.NaN;
    private double correction;

    /** Unit vectors drawn from a standard normal and normalized, as PyTorch's. */
    public SpectralEstimate(int rows, int cols, Rng rng) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("spectral norm needs a weight of at least 1 x 1, got " + rows + " x " + cols);
        }
        u = unit(rows, rng);
        v = unit(cols, rng);
    }

    private static float[] unit(int n, Rng rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        SpectralNormOps.normalize(x);
        return x;
    }

    /** The left singular vector estimate {@code u (rows,)} (live). */
    public float[] u() {
        return u;
    }

    /** The right singular vector estimate {@code v (cols,)} (live). */
    public float[] v() {
        return v;
    }

    /** The last pass's estimate of the largest singular value; NaN before the first pass. */
    public double sigma() {
        return sigma;
    }

    /** The last backward's {@code c = ⟨dL/dW̄, W⟩ / σ²}; 0 before the first. */
    public double correction() {
        return correction;
    }

    void setSigma(double s) {
        sigma = s;
    }

    void setCorrection(double c) {
        correction = c;
    }
}
