package rewire.models.gan;

import rewire.kernel.Kernels;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The kernel and class-probability scores of generated images, on a classifier's outputs:
 * <ul>
 *   <li>KID (Bińkowski et al., "Demystifying MMD GANs", ICLR 2018): the unbiased estimate of the
 *       squared MMD between real and generated features with the kernel
 *       {@code k(a, b) = (aᵀb / F + 1)³}, averaged over random subsets of equal size;</li>
 *   <li>the Inception-Score-like score (Salimans et al., "Improved Techniques for Training GANs",
 *       NeurIPS 2016, with a Fashion-MNIST classifier in place of Inception):
 *       {@code exp(E_x KL(p(y|x) ‖ p(y)))}, averaged over splits.</li>
 * </ul>
 */
final class QualityMetrics {
    private QualityMetrics() {
    }

    /**
     * KID between the columns of {@code real (F, N)} and {@code fake (F, M)}: {@code subsets} draws
     * of {@code min(size, N, M)} columns of each (from {@code rng}), the mean of their unbiased MMD².
     */
    static double kernelDistance(Tensor real, Tensor fake, int size, int subsets, Rng rng, Kernels kernels) {
        int s = Math.min(size, Math.min(real.cols(), fake.cols()));
        if (s < 2) {
            throw new IllegalArgumentException("KID needs at least 2 vectors of each set, got " + real.cols() + " and "
                    + fake.cols());
        }
        double total = 0;
        for (int k = 0; k < subsets; k++) {
            Tensor x = columns(real, s, rng.fold(2L * k));    // (s, F): one draw per row
            Tensor y = columns(fake, s, rng.fold(2L * k + 1));
            double xx = kernelSum(x, x, true, kernels);
            double yy = kernelSum(y, y, true, kernels);
            double xy = kernelSum(x, y, false, kernels);
            total += (xx + yy) / ((double) s * (s - 1)) - 2 * xy / ((double) s * s);
        }
        return total / subsets;
    }

    // s distinct random columns of m (F, N), as the rows of an (s, F) matrix
    private static Tensor columns(Tensor m, int s, Rng rng) {
        int n = m.cols();
        int f = m.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor out = Tensor.zeros(s, f);
        for (int i = 0; i < s; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            for (int r = 0; r < f; r++) {
                out.data()[i * f + r] = m.data()[r * n + order[i]];
            }
        }
        return out;
    }

    // Σ k(a_i, b_j) over all pairs, without i = j when offDiagonal; a, b : (s, F)
    private static double kernelSum(Tensor a, Tensor b, boolean offDiagonal, Kernels kernels) {
        int s = a.rows();
        int f = a.cols();
        Tensor gram = Tensor.zeros(s, s);
        kernels.multTransB(a, b, gram);                      // (s, s) = a · bᵀ
        double sum = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                if (offDiagonal && i == j) {
                    continue;
                }
                double base = gram.data()[i * s + j] / f + 1;
                sum += base * base * base;
            }
        }
        return sum;
    }

    /** The IS-like score of class probabilities {@code probs (K, N)}, the mean over {@code splits} equal parts. */
    static double inceptionLikeScore(Tensor probs, int splits) {
        int k = probs.rows();
        int n = probs.cols();
        if (splits < 1 || splits > n) {
            throw new IllegalArgumentException("the IS-like score needs 1 to " + n + " splits, got " + splits);
        }
        double total = 0;
        for (int part = 0; part < splits; part++) {
            int from = part * n / splits;
            int to = (part + 1) * n / splits;
            double[] marginal = new double[k];
            for (int c = 0; c < k; c++) {
                for (int b = from; b < to; b++) {
                    marginal[c] += probs.data()[c * n + b];
                }
                marginal[c] /= to - from;
            }
            double kl = 0;
            for (int c = 0; c < k; c++) {
                for (int b = from; b < to; b++) {
                    double p = probs.data()[c * n + b];
                    kl += p > 0 ? p * (Math.log(p) - Math.log(marginal[c])) : 0;
                }
            }
            total += Math.exp(kl / (to - from));
        }
        return total / splits;
    }
}
