package rewire.models.gan;

import java.nio.file.Path;
import rewire.models.classify.ModelSettings;

/**
 * The sample-quality section of a GAN run. No Inception network is downloaded: a classifier of
 * the run's images (Fashion-MNIST) trained by Rewire, a run of the classify workload cached under
 * {@code classifierRuns}, supplies the features. FID-FMNIST is the Fréchet distance between the
 * Gaussians of its penultimate-layer features of generated and held-out images, KID-FMNIST the
 * unbiased squared MMD with the cubic polynomial kernel on the same features, and the IS-like
 * score {@code exp(E_x KL(p(y|x) ‖ p(y)))} of its class probabilities. None is comparable with
 * the Inception-based FID, KID or IS of papers.
 *
 * @param classifierRuns   the folder that caches the classifier's run (relative: to the
 *                         configuration file's folder); trained there once when it holds none
 * @param classifierArch   the classifier: cnn (two convolutions, then a 128-wide layer whose
 *                         activations are the features) or mlp (784-256-128-10); not vit
 * @param classifierEpochs epochs the classifier trains for
 * @param samples          generated images per evaluation, and at most as many held-out images
 * @param kidSubsetSize    images per subset of the KID estimate
 * @param kidSubsets       subsets the KID estimate averages
 * @param isSplits         splits the IS-like score averages
 * @param gridSide         the sample grids (plots/samples-*.png) hold gridSide x gridSide images
 */
public record QualitySettings(Path classifierRuns, ModelSettings.Arch classifierArch, int classifierEpochs,
                              int samples, int kidSubsetSize, int kidSubsets, int isSplits, int gridSide) {

    public QualitySettings {
        if (classifierArch == null) {
            throw new IllegalArgumentException("quality.classifierArch must be set");
        }
        if (classifierArch == ModelSettings.Arch.VIT) {
            throw new IllegalArgumentException("quality.classifierArch must be mlp or cnn, whose 128-wide layer gives"
                    + " the features, got vit");
        }
        if (classifierEpochs < 1 || samples < 2 || kidSubsetSize < 2 || kidSubsets < 1 || isSplits < 1
                || gridSide < 1) {
            throw new IllegalArgumentException("quality: need classifierEpochs, kidSubsets, isSplits, gridSide >= 1 and"
                    + " samples, kidSubsetSize >= 2; got " + classifierEpochs + ", " + kidSubsets + ", " + isSplits
                    + ", " + gridSide + ", " + samples + ", " + kidSubsetSize);
        }
        if (isSplits > samples) {
            throw new IllegalArgumentException("quality.isSplits (" + isSplits + ") cannot exceed quality.samples ("
                    + samples + ")");
        }
    }

    public static QualitySettings defaults() {
        return new QualitySettings(Path.of("runs", "fid-classifier"), ModelSettings.Arch.CNN, 2, 5000, 1000, 10, 10, 8);
    }
}
