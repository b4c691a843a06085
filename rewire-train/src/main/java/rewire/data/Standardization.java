package rewire.data;

import java.util.Arrays;

/**
 * Standardization of features, {@code x' = (x - mean) / std}, with statistics measured on a
 * training set and then applied unchanged to every split (so test data never leaks into them).
 * The statistics are either one mean and std for all features ({@link Mode#GLOBAL}, the usual
 * choice for images) or one pair per feature ({@link Mode#PER_FEATURE}).
 *
 * <p>A feature that is constant on the training set (std below {@link #MIN_STD}, such as an
 * always-black corner pixel) is only centered: dividing by a near-zero std would blow up any
 * value that differs on other splits.
 *
 * @param mean the mean per feature, or one value for all
 * @param std the standard deviation per feature (already floored), or one value for all
 */
public record Standardization(float[] mean, float[] std) {
    /** Standard deviations below this count as zero. */
    public static final double MIN_STD = 1e-6;

    /** Which statistics to measure. */
    public enum Mode {
        /** Leave features as they are. */
        NONE,
        /** One mean and std over all features of all examples. */
        GLOBAL,
        /** A mean and std per feature, over all examples. */
        PER_FEATURE
    }

    public Standardization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need the same nonzero length, got "
                    + mean.length + " and " + std.length);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The statistics of {@code train} for {@code mode}; {@link Mode#NONE} gives mean 0, std 1. */
    public static Standardization fit(Dataset train, Mode mode) {
        if (train.size() == 0 && mode != Mode.NONE) {
            throw new IllegalArgumentException("cannot measure statistics of the empty dataset " + train.name());
        }
        return switch (mode) {
            case NONE -> new Standardization(new float[] {0f}, new float[] {1f});
            case GLOBAL -> fitGlobal(train);
            case PER_FEATURE -> fitPerFeature(train);
        };
    }

    private static Standardization fitGlobal(Dataset train) {
        int n = train.values();
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += train.value(k);
        }
        double mean = sum / n;
        double squares = 0;
        for (int k = 0; k < n; k++) {
            double d = train.value(k) - mean;
            squares += d * d;
        }
        return new Standardization(new float[] {(float) mean}, new float[] {floored(squares / n)});
    }

    private static Standardization fitPerFeature(Dataset train) {
        int features = train.features();
        int n = train.size();
        double[] sum = new double[features];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                sum[f] += train.value(i * features + f);
            }
        }
        double[] squares = new double[features];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                double d = train.value(i * features + f) - sum[f] / n;
                squares[f] += d * d;
            }
        }
        float[] mean = new float[features];
        float[] std = new float[features];
        for (int f = 0; f < features; f++) {
            mean[f] = (float) (sum[f] / n);
            std[f] = floored(squares[f] / n);
        }
        return new Standardization(mean, std);
    }

    private static float floored(double variance) {
        double std = Math.sqrt(variance);
        return std < MIN_STD ? 1f : (float) std;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** Whether this leaves every feature as it is (mean 0, std 1), as {@link Mode#NONE} does. */
    public boolean isIdentity() {
        for (int f = 0; f < mean.length; f++) {
            if (mean[f] != 0f || std[f] != 1f) {
                return false;
            }
        }
        return true;
    }

    /**
     * A new dataset with every feature standardized; {@code data} is unchanged. Pixel datasets
     * stay bytes and standardize as they are read, with the same float operations.
     */
    public Dataset apply(Dataset data) {
        if (mean.length != 1 && mean.length != data.features()) {
            throw new IllegalArgumentException("statistics for " + mean.length + " features cannot standardize "
                    + data.name() + " with " + data.features() + " features");
        }
        return data.standardized(mean, std);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return mean.length == 1 ? "Standardization(mean " + mean[0] + ", std " + std[0] + ")"
                : "Standardization(per feature, " + mean.length + " features)";
    }
}
