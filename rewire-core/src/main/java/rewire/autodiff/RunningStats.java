package rewire.autodiff;

/**
 * The running mean and variance of batch normalization ({@link NormOps#batchNorm}), one entry per
 * normalized row, updated in place by every training pass as PyTorch does:
 * {@code mean = (1 - m)·mean + m·μ_batch}, {@code variance = (1 - m)·variance + m·σ²_batch·N/(N - 1)}
 * (the unbiased batch variance), and read instead of the batch statistics in evaluation.
 *
 * @param mean     the running means, updated in place
 * @param variance the running variances, updated in place
 * @param momentum the weight {@code m} of each new batch, in (0, 1] (PyTorch's default 0.1)
 */
public record RunningStats(float[] mean, float[] variance, double momentum) {

    public RunningStats {
        if (mean.length != variance.length) {
            throw new IllegalArgumentException("running mean (" + mean.length + ") and variance (" + variance.length
                    + ") need one entry per feature each");
        }
        if (!(momentum > 0 && momentum <= 1)) {
            throw new IllegalArgumentException("batch norm momentum must be in (0, 1], got " + momentum);
        }
    }

    /** Statistics for {@code features} rows starting at mean 0 and variance 1, as PyTorch's. */
    public static RunningStats fresh(int features, double momentum) {
        float[] variance = new float[features];
        java.util.Arrays.fill(variance, 1f);
        return new RunningStats(new float[features], variance, momentum);
    }

    /** The number of normalized rows. */
    public int features() {
        return mean.length;
    }
}
