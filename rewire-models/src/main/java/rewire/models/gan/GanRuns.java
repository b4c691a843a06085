package rewire.models.gan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Tape;
import rewire.config.Config;
import rewire.data.Batcher;
import rewire.data.Dataset;
import rewire.data.FashionMnist;
import rewire.data.IdxDataset;
import rewire.data.LastBatch;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.kernel.Kernels;
import rewire.optim.Schedule;
import rewire.recipe.Recipe;
import rewire.run.RunSpec;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.tensor.Shape;
import rewire.train.ParamGroup;

/**
 * Turns a {@link GanConfig} into a {@link RunSpec}: the images, the two networks on their recipes'
 * initial topologies, the EMA copy, the balance ratio the discriminator's control reads, and the
 * sample-quality scorer on the cached feature classifier.
 */
public final class GanRuns {
    private static final long DATA_STREAM = 0xDA7AL;
    private static final long INIT_STREAM = 0x1417L;
    private static final long TOPOLOGY_STREAM = 0x7090L;
    private static final long WORKLOAD_STREAM = 0x6A4EL;
    /** Pixels in [0, 1] to the generator's tanh range [-1, 1]. */
    private static final Standardization TO_TANH_RANGE = new Standardization(new float[] {0.5f}, new float[] {0.5f});

    private GanRuns() {
    }

    /**
     * Loads the images, finds (or trains, saying so to {@code notices}) the feature classifier, and
     * builds everything the run needs.
     */
    public static RunSpec spec(GanConfig config, Kernels kernels, Consumer<String> notices) throws IOException {
        Split raw = load(config.data());
        FeatureClassifier classifier = FeatureClassifier.cached(config.quality(), config.data(), raw.train(), kernels,
                notices);
        return spec(config, raw, classifier, kernels);
    }

    /** The run's images with pixels in [0, 1], both splits. */
    static Split load(GanDataSettings data) throws IOException {
        if (data.format() == GanDataSettings.Format.FASHION_MNIST) {
            return FashionMnist.load(data.dir());
        }
        Dataset train = IdxDataset.read("idx/train", data.train().images().orElseThrow(),
                data.train().labels().orElseThrow());
        Dataset test = IdxDataset.read("idx/test", data.test().images().orElseThrow(),
                data.test().labels().orElseThrow());
        int classes = Math.max(train.classes(), test.classes());
        return new Split(train.withClasses(classes), test.withClasses(classes));
    }

    /** Builds the run on images already loaded ({@code raw}, pixels in [0, 1]) and a feature classifier. */
    static RunSpec spec(GanConfig config, Split raw, FeatureClassifier classifier, Kernels kernels) {
        ImageShape image = imageShape(raw.train());
        Dataset train = TO_TANH_RANGE.apply(limited(raw.train(), config.data().trainLimit()));
        Rng seed = new Rng(config.seed());
        BalanceRatio balance = new BalanceRatio(config.gan().brWindow());
        long total = config.plannedSteps();
        GanRecipes.Pair recipes = GanRecipes.of(config.balance(), total, config.gan().stepsPerEpoch(),
                config.gan().nCritic(), balance);
        GanArchitecture arch = new GanArchitecture(config.model(), image);
        List<SparsityPattern> g = patterns(recipes.generator(), arch.generatorShapes(), seed.fold(TOPOLOGY_STREAM));
        List<SparsityPattern> d = patterns(recipes.discriminator(), arch.discriminatorShapes(),
                seed.fold(TOPOLOGY_STREAM + 1));
        GanArchitecture.Network generator = arch.generator(g, seed.fold(INIT_STREAM));
        GanArchitecture.Network discriminator = arch.discriminator(d, seed.fold(INIT_STREAM + 1));
        GanOptimSettings optim = config.optim();
        GanParts parts = new GanParts(generator, discriminator, arch.generator(g, seed.fold(INIT_STREAM)).model(),
                group("generator", generator, optim.generator(), optim.lrG(), recipes.generator()),
                group("discriminator", discriminator, optim.discriminator(), optim.lrD(), recipes.discriminator()));
        Batcher real = Batcher.shuffled(train, config.data().batchSize(), LastBatch.DROP, seed.fold(DATA_STREAM));
        if (real.batchesPerEpoch() == 0) {
            throw new IllegalArgumentException("data: the training images (" + train.size() + ") are fewer than one "
                    + "batch (" + config.data().batchSize() + ")");
        }
        SampleQuality quality = new SampleQuality(classifier, heldOut(raw.test(), config.quality().samples()),
                config.quality(), kernels);
        String name = "gan-" + config.balance().regime().name().toLowerCase(Locale.ROOT).replace('_', '-');
        GanWorkload workload = new GanWorkload(name, config, image, parts, balance, real, quality,
                seed.fold(WORKLOAD_STREAM), new Tape(kernels));
        List<String> warnings = new ArrayList<>();
        if (recipes.generator() != null) {
            warnings.addAll(recipes.generator().warnings(arch.generatorShapes()));
            warnings.addAll(recipes.discriminator().warnings(arch.discriminatorShapes()));
        }
        return new RunSpec(config.name(), config.seed(), Config.toYaml(config), Config.toPlain(config), workload,
                config.train(), warnings);
    }

    private static ImageShape imageShape(Dataset train) {
        Shape s = train.exampleShape();
        if (s.rank() != 3) {
            throw new IllegalArgumentException("a GAN needs images (channels, height, width); " + train.name()
                    + " has examples of shape " + s);
        }
        return new ImageShape(s.dim(0), s.dim(1), s.dim(2));
    }

    private static Dataset limited(Dataset data, int limit) {
        return limit > 0 ? data.slice(0, Math.min(limit, data.size())) : data;
    }

    // the first min(n, size) held-out images, pixels in [-1, 1], feature-major (C·H·W, n)
    private static rewire.tensor.Tensor heldOut(Dataset test, int n) {
        Dataset first = TO_TANH_RANGE.apply(limited(test, n));
        return Batcher.inOrder(first, first.size(), LastBatch.KEEP).batch(0, 0).x();
    }

    private static List<SparsityPattern> patterns(Recipe recipe, List<LayerShape> shapes, Rng rng) {
        return recipe == null ? new ArrayList<>(Collections.nCopies(shapes.size(), (SparsityPattern) null))
                : recipe.initialPatterns(shapes, rng);
    }

    private static ParamGroup group(String name, GanArchitecture.Network network, rewire.optim.Transform adam,
                                    double lr, Recipe recipe) {
        return ParamGroup.builder(name, network.model()).optimizer(adam, Schedule.constant(lr)).recipe(recipe)
                .sparseLayers(network.sparseLayers(), network.kernelShapes()).flopLayers(network.flopLayers()).build();
    }
}
