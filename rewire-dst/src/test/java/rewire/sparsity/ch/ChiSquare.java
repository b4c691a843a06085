package rewire.sparsity.ch;

/** Pearson's chi-square statistic and its 0.1% critical values, for sampling tests with fixed seeds. */
final class ChiSquare {
    /** Upper 0.1% points of the chi-square distribution for 1..7 degrees of freedom. */
    private static final double[] CRITICAL_0_001 = {10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322};

    private ChiSquare() {
    }

    /** Σ (observed - n·p)² / (n·p) over the categories with p > 0. */
    static double statistic(long[] observed, double[] probability) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            if (probability[i] > 0) {
                double expected = n * probability[i];
                chi += (observed[i] - expected) * (observed[i] - expected) / expected;
            }
        }
        return chi;
    }

    static double critical(int degreesOfFreedom) {
        return CRITICAL_0_001[degreesOfFreedom - 1];
    }
}
