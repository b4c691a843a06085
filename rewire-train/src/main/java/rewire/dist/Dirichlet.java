package rewire.dist;

import rewire.tensor.Rng;

/**
 * Draws from a symmetric Dirichlet distribution: independent Gamma(alpha, 1) variables normalised
 * to sum to one. Gamma variables by Marsaglia and Tsang's method (2000), with the boost
 * {@code Gamma(a) = Gamma(a + 1)·U^(1/a)} for {@code a < 1}.
 */
final class Dirichlet {
    private Dirichlet() {
    }

    /** {@code n} non-negative proportions summing to one, from Dirichlet(alpha, ..., alpha). */
    static double[] sample(double alpha, int n, Rng rng) {
        double[] x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = gamma(alpha, rng);
            sum += x[i];
        }
        if (sum == 0) {  // every draw underflowed (tiny alpha): all mass on one uniformly chosen entry
            x[rng.nextInt(n)] = 1;
            return x;
        }
        for (int i = 0; i < n; i++) {
            x[i] /= sum;
        }
        return x;
    }

    /** One draw of Gamma(shape, 1). */
    static double gamma(double shape, Rng rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(1 - rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
