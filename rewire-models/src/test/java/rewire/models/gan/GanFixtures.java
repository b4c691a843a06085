package rewire.models.gan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rewire.config.Config;
import rewire.data.FashionMnist;
import rewire.data.Split;
import rewire.kernel.Kernels;
import rewire.run.RunSpec;

/**
 * GAN runs for tests: Fashion-MNIST, a small feature classifier (an MLP trained for one epoch,
 * cached under target/ for every test of the module) and short budgets, by overrides.
 */
final class GanFixtures {
    static final Path CLASSIFIER_RUNS = Path.of("target", "test-fid-classifier");
    private static Split data;
    private static FeatureClassifier classifier;

    private GanFixtures() {
    }

    /** Overrides for a test run: the small classifier, few samples, small grids. */
    static List<String> testOverrides(String... more) {
        List<String> all = new ArrayList<>(List.of("quality.classifierRuns=" + CLASSIFIER_RUNS,
                "quality.classifierArch=mlp", "quality.classifierEpochs=1", "quality.samples=500",
                "quality.kidSubsetSize=200", "quality.kidSubsets=3", "quality.isSplits=5", "quality.gridSide=4"));
        all.addAll(List.of(more));
        return all;
    }

    static GanConfig config(String... overrides) {
        return Config.load(GanConfig.class, testOverrides(overrides));
    }

    /** The run of {@code config} on Fashion-MNIST with the shared test classifier. */
    static synchronized RunSpec spec(GanConfig config) {
        try {
            if (data == null) {
                data = FashionMnist.load();
                classifier = FeatureClassifier.cached(config.quality(), config.data(), data.train(), Kernels.defaults(),
                        System.err::println);
            }
            return GanRuns.spec(config, data, classifier, Kernels.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
