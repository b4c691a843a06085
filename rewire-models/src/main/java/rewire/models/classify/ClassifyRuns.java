package rewire.models.classify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import rewire.autodiff.ImageShape;
import rewire.config.Config;
import rewire.data.Dataset;
import rewire.data.Split;
import rewire.kernel.Kernels;
import rewire.recipe.Recipe;
import rewire.run.RunSpec;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** Turns a {@link ClassifyConfig} into a {@link RunSpec}: data, model with its initial topology, recipe. */
public final class ClassifyRuns {
    private static final long DATA_STREAM = 0xDA7AL;
    private static final long INIT_STREAM = 0x1417L;
    private static final long TOPOLOGY_STREAM = 0x7090L;

    private ClassifyRuns() {
    }

    /** Loads the data and builds everything the run needs. */
    public static RunSpec spec(ClassifyConfig config, Kernels kernels) throws IOException {
        return spec(config, ClassifyData.load(config.data()), kernels);
    }

    /** Builds the run on data already loaded (and standardized); the input shape is the examples'. */
    public static RunSpec spec(ClassifyConfig config, Split split, Kernels kernels) {
        Dataset train = split.train();
        ImageShape image = ClassifyData.input(train, config.model());
        Architecture arch = new Architecture(config.model(), image, train.classes());
        Rng seed = new Rng(config.seed());
        long stepsPerEpoch = train.size() / config.data().batchSize();
        long plannedSteps = stepsPerEpoch * config.train().plannedEpochs();
        Recipe recipe = config.sparsity().isDense() ? null : config.sparsity().create(Math.max(1, plannedSteps),
                Math.max(1, stepsPerEpoch));
        List<SparsityPattern> patterns = recipe == null
                ? new ArrayList<>(Collections.nCopies(arch.shapes().size(), (SparsityPattern) null))
                : recipe.initialPatterns(arch.shapes(), seed.fold(TOPOLOGY_STREAM));
        Architecture.Built model = arch.build(patterns, seed.fold(INIT_STREAM));
        int[] inputImage = ClassifyData.heatmapImage(train, config.model());
        String name = Config.spelling(config.model().arch()) + "-" + train.name();
        ClassificationWorkload workload = new ClassificationWorkload(name, model,
                config.optim().transform(plannedSteps), config.optim().learningRate(plannedSteps), recipe, train,
                split.test(), config.data().batchSize(), config.data().evalBatch(), seed.fold(DATA_STREAM), inputImage,
                kernels);
        return new RunSpec(config.name(), config.seed(), Config.toYaml(config), Config.toPlain(config), workload,
                config.train(), recipe == null ? List.of() : recipe.warnings(arch.shapes()));
    }
}
