package rewire.models.classify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import rewire.autodiff.ImageShape;
import rewire.config.Config;
import rewire.data.Dataset;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.dist.DataParallelExecution;
import rewire.dist.ReplicaFactory;
import rewire.dist.Shardable;
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
        ClassifyData.Loaded data = ClassifyData.load(config.data());
        RunSpec spec = spec(config, data.split(), data.inputs(), kernels);
        return spec.withExecution(DataParallelExecution.of(config.dist(),
                new ReplicaFactory(spec.configYaml(), ClassifyRuns::replica)));
    }

    // a data-parallel replica: the run rebuilt from its resolved configuration, its data read again
    private static Shardable replica(String configYaml, Kernels kernels) throws IOException {
        return (ClassificationWorkload) spec(Config.fromYaml(ClassifyConfig.class, configYaml, "replica configuration"),
                kernels).workload();
    }

    /**
     * Builds the run on data already loaded (and standardized); the input shape is the examples'.
     * Data-parallel replicas (with {@code dist.engine} set) train on the same data in memory, which
     * a cluster engine cannot ship: there, {@link #spec(ClassifyConfig, Kernels)} has every
     * executor read the configuration's files.
     */
    public static RunSpec spec(ClassifyConfig config, Split split, Kernels kernels) {
        return spec(config, split, Standardization.fit(split.train(), Standardization.Mode.NONE), kernels);
    }

    // the run on data standardized by inputs (which its classifier applies to new examples)
    private static RunSpec spec(ClassifyConfig config, Split split, Standardization inputs, Kernels kernels) {
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
        Architecture.Built model = arch.build(patterns, recipe, seed.fold(INIT_STREAM));
        int[] inputImage = ClassifyData.heatmapImage(train, config.model());
        String name = Config.spelling(config.model().arch()) + "-" + train.name();
        ClassificationWorkload workload = new ClassificationWorkload(name, model,
                config.optim().transform(plannedSteps), config.optim().learningRate(plannedSteps), recipe, train,
                split.test(), inputs, config.data().batchSize(), config.data().evalBatch(), seed.fold(DATA_STREAM),
                inputImage, kernels);
        String yaml = Config.toYaml(config);
        ReplicaFactory.Builder onThisData = (replicaYaml, replicaKernels) -> (ClassificationWorkload) spec(
                Config.fromYaml(ClassifyConfig.class, replicaYaml, "replica configuration"), split, inputs,
                replicaKernels).workload();
        return new RunSpec(config.name(), config.seed(), yaml, Config.toPlain(config), workload, config.train(),
                recipe == null ? List.of() : recipe.warnings(arch.shapes()),
                DataParallelExecution.of(config.dist(), new ReplicaFactory(yaml, onThisData)));
    }
}
