package rewire.models.gan;

import rewire.kernel.Kernels;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The scores of generated images against held-out real ones, on the features of a Rewire-trained
 * classifier ({@link FeatureClassifier}): FID-FMNIST (Fréchet distance of the penultimate
 * features' Gaussians, {@link FeatureStatistics}), KID-FMNIST and the IS-like score
 * ({@link QualityMetrics}). The real images' features are computed once. Named for the data they
 * were made for, and comparable only between runs that share the classifier and the sample counts.
 */
final class SampleQuality {
    private static final long KID_SEED = 0x1D5EEDL;

    private final FeatureClassifier classifier;
    private final QualitySettings settings;
    private final Kernels kernels;
    private final Tensor realFeatures;
    private final FeatureStatistics real;

    /**
     * @param realImages {@code (C·H·W, N)} held-out images with pixels in [-1, 1]
     */
    SampleQuality(FeatureClassifier classifier, Tensor realImages, QualitySettings settings, Kernels kernels) {
        this.classifier = classifier;
        this.settings = settings;
        this.kernels = kernels;
        this.realFeatures = classifier.apply(realImages).features();
        this.real = FeatureStatistics.of(realFeatures);
    }

    /** The three scores of one evaluation. */
    record Scores(double fid, double kid, double isLike) {
    }

    /** The scores of {@code generated (C·H·W, M)}, pixels in [-1, 1]. */
    Scores score(Tensor generated) {
        FeatureClassifier.Output out = classifier.apply(generated);
        double fid = real.frechetDistance(FeatureStatistics.of(out.features()));
        double kid = QualityMetrics.kernelDistance(realFeatures, out.features(), settings.kidSubsetSize(),
                settings.kidSubsets(), new Rng(KID_SEED), kernels);
        double isLike = QualityMetrics.inceptionLikeScore(out.probs(), settings.isSplits());
        return new Scores(fid, kid, isLike);
    }
}
