package rewire.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** FID, KID and the IS-like score against closed forms and the identities they must satisfy. */
class SampleQualityMetricsTest {
    private static Tensor gaussian(Rng rng, int features, int n, double[] mean, double[] std) {
        Tensor t = Tensor.zeros(features, n);
        for (int f = 0; f < features; f++) {
            for (int b = 0; b < n; b++) {
                t.data()[f * n + b] = (float) (mean[f] + std[f] * rng.nextGaussian());
            }
        }
        return t;
    }

    @Test
    void theFrechetDistanceOfASetWithItselfIsZero() {
        Tensor x = gaussian(new Rng(1), 6, 400, new double[6], new double[] {1, 2, 3, 1, 1, 0.5});
        FeatureStatistics s = FeatureStatistics.of(x);
        assertEquals(0, s.frechetDistance(s), 1e-8);
    }

    /**
     * For diagonal covariances the distance is Σ_f (μ₁ - μ₂)² + (σ₁ - σ₂)² per feature; computed here
     * from the sample statistics, which the decomposition must reproduce.
     */
    @Test
    void theFrechetDistanceMatchesTheClosedFormOfIndependentFeatures() {
        Tensor a = gaussian(new Rng(2), 3, 20000, new double[] {0, 1, -1}, new double[] {1, 2, 0.5});
        Tensor b = gaussian(new Rng(3), 3, 20000, new double[] {0.5, 1, 0}, new double[] {2, 1, 0.5});
        double fid = FeatureStatistics.of(a).frechetDistance(FeatureStatistics.of(b));
        double expected = 0.25 + 0 + 1 + (1 - 2) * (1 - 2) + (2 - 1) * (2 - 1) + 0;
        assertEquals(expected, fid, 0.1, "independent Gaussians: Σ Δμ² + Δσ²");
        assertEquals(fid, FeatureStatistics.of(b).frechetDistance(FeatureStatistics.of(a)), 1e-6, "symmetric");
    }

    @Test
    void kidIsNearZeroForOneDistributionAndGrowsWithTheShift() {
        double[] zero = new double[4];
        double[] one = {1, 1, 1, 1};
        Tensor x = gaussian(new Rng(4), 4, 600, zero, one);
        Tensor same = gaussian(new Rng(5), 4, 600, zero, one);
        Tensor shifted = gaussian(new Rng(6), 4, 600, new double[] {1, 1, 1, 1}, one);
        Kernels k = Kernels.defaults();
        double near = QualityMetrics.kernelDistance(x, same, 300, 5, new Rng(7), k);
        double far = QualityMetrics.kernelDistance(x, shifted, 300, 5, new Rng(7), k);
        assertTrue(Math.abs(near) < 0.05, "same distribution: " + near);
        assertTrue(far > 20 * Math.abs(near) && far > 0.1, "shifted: " + far + " vs " + near);
        assertEquals(far, QualityMetrics.kernelDistance(x, shifted, 300, 5, new Rng(7), k), "a seed fixes the subsets");
    }

    @Test
    void theInceptionLikeScoreCountsConfidentDistinctClasses() {
        int k = 4;
        int n = 400;
        Tensor confident = Tensor.zeros(k, n);
        Tensor blurred = Tensor.zeros(k, n);
        Tensor collapsed = Tensor.zeros(k, n);
        for (int b = 0; b < n; b++) {
            confident.data()[(b % k) * n + b] = 1;
            collapsed.data()[n + b] = 1;
            for (int c = 0; c < k; c++) {
                blurred.data()[c * n + b] = 1f / k;
            }
        }
        assertEquals(k, QualityMetrics.inceptionLikeScore(confident, 4), 1e-6, "every class, each sure: the class count");
        assertEquals(1, QualityMetrics.inceptionLikeScore(blurred, 4), 1e-6, "no sure prediction: 1");
        assertEquals(1, QualityMetrics.inceptionLikeScore(collapsed, 4), 1e-6, "one class only: 1");
    }
}
