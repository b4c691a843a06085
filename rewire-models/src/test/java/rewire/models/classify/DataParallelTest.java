package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.config.Config;
import rewire.data.Split;
import rewire.dist.DataParallelTrainer;
import rewire.dist.LocalDataParallel;
import rewire.dist.RoundTask;
import rewire.dist.ShardState;
import rewire.dist.ShardWork;
import rewire.dist.Shardable;
import rewire.dist.Snapshot;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.optim.Slots;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.tensor.Rng;
import rewire.train.Hook;
import rewire.train.ParamGroup;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * Data-parallel classification against the single process: one shard gives the same bits, RigL's
 * topology updates included; two shards with one local step per round give the model of one
 * process training the same global batch, to float tolerance (SGD with momentum and weight decay,
 * whose update is linear in the gradient), also when the run's configuration names the engine.
 * At the MLP's shapes a 1%-dense model sends at most 2% of the dense model's bytes, and a
 * rewiring step's layer batches are smaller than the dense gradients they replace.
 */
class DataParallelTest {
    private static final Split DATA = TrainingRunTest.syntheticImages(new Rng(21));

    @TempDir
    Path runs;

    private static ClassifyConfig config(String recipe, String options, String... more) {
        List<String> overrides = new ArrayList<>(List.of("name=dp", "train.epochs=2", "model.hidden=[40,32]",
                "data.batchSize=16", "sparsity.recipe=" + recipe, "sparsity.density=0.3", "sparsity.options=" + options,
                "optim.name=momentum", "optim.lr=0.05"));
        overrides.addAll(List.of(more));
        return Config.load(ClassifyConfig.class, overrides);
    }

    private static List<float[]> single(RunSpec spec) {
        Workload w = spec.workload();
        new Trainer(w, SparsityHooks.of(w, spec.seed(), Kernels.defaults(), null).all(), Kernels.defaults())
                .run(new TrainState(w, new Slots(), 0, spec.totalSteps()));
        return values(w);
    }

    private static List<float[]> parallel(ClassifyConfig config) {
        RunSpec spec = ClassifyRuns.spec(config, DATA, Kernels.defaults());
        Shardable w = (Shardable) spec.workload();
        List<Hook> hooks = new ArrayList<>(SparsityHooks.of(w, spec.seed(), Kernels.defaults(), null).all());
        try (LocalDataParallel backend = new LocalDataParallel(config.dist().partitions(),
                () -> (Shardable) ClassifyRuns.spec(config, DATA, Kernels.defaults()).workload(), Kernels.defaults())) {
            new DataParallelTrainer(w, backend, hooks, spec.seed(), config.dist(), s -> false)
                    .run(new TrainState(w, new Slots(), 0, spec.totalSteps()), () -> false);
        }
        return values(w);
    }

    @Test
    void oneShardReproducesTheSingleProcessBitForBitRigLIncluded() {
        String options = "[deltaT=5]";
        List<float[]> expected = single(ClassifyRuns.spec(config("rigl", options), DATA, Kernels.defaults()));
        for (int local : new int[] {1, 4}) {
            List<float[]> actual = parallel(config("rigl", options, "dist.partitions=1", "dist.localSteps=" + local));
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i + ", " + local + " local steps");
            }
        }
    }

    @Test
    void twoShardsEqualTheLargeBatchRunToFloatTolerance() {
        assertClose(single(ClassifyRuns.spec(config("static", "[]"), DATA, Kernels.defaults())),
                parallel(config("static", "[]", "dist.partitions=2")));
    }

    @Test
    void theLocalEngineNamedByTheConfigurationTrainsTheRunAsTheLargeBatchDoes() throws IOException {
        List<float[]> expected = single(ClassifyRuns.spec(config("static", "[]"), DATA, Kernels.defaults()));
        RunSpec spec = ClassifyRuns.spec(config("static", "[]", "dist.engine=local", "dist.partitions=2",
                "train.runs=" + runs), DATA, Kernels.defaults());
        TrainingRun.start(spec, Kernels.defaults(), null).run();
        assertClose(expected, values(spec.workload()));
    }

    private static void assertClose(List<float[]> expected, List<float[]> actual) {
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            float[] e = expected.get(i);
            float[] a = actual.get(i);
            assertEquals(e.length, a.length);
            for (int k = 0; k < e.length; k++) {
                worst = Math.max(worst, Math.abs(e[k] - a[k]) / (1e-3 + Math.abs(e[k])));
            }
        }
        assertTrue(worst < 1e-3, "largest relative difference " + worst);
    }

    @Test
    void twoShardsWithRigLRewireOnTheDriverFromTheWholeBatch() {
        ClassifyConfig config = config("rigl", "[deltaT=5]", "dist.partitions=2", "dist.localSteps=3");
        RunSpec spec = ClassifyRuns.spec(config, DATA, Kernels.defaults());
        Shardable w = (Shardable) spec.workload();
        ParamGroup group = w.groups().get(0);
        var before = group.sparseLayers().get(0).weight().pattern();
        try (LocalDataParallel backend = new LocalDataParallel(2,
                () -> (Shardable) ClassifyRuns.spec(config, DATA, Kernels.defaults()).workload(), Kernels.defaults())) {
            new DataParallelTrainer(w, backend, SparsityHooks.of(w, spec.seed(), Kernels.defaults(), null).all(),
                    spec.seed(), config.dist(), s -> false).run(new TrainState(w, new Slots(), 0, spec.totalSteps()),
                    () -> false);
        }
        var after = group.sparseLayers().get(0).weight().pattern();
        assertTrue(!before.equals(after), "the driver changed the topology");
        assertEquals(before.nnz(), after.nnz(), "RigL keeps each layer's count");
    }

    @Test
    void aBatchThatDoesNotSplitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parallel(config("static", "[]", "dist.partitions=3")));
        assertTrue(e.getMessage().contains("does not split into 3 equal shards"), e.getMessage());
    }

    // the MLP of the issue, 784-1000-1000-1000-10, at a density, for one shard's message
    private static ClassifyConfig mlp(String density) {
        return Config.load(ClassifyConfig.class, List.of("model.hidden=[1000,1000,1000]", "data.batchSize=16",
                "sparsity.recipe=" + (density.equals("1") ? "dense" : "static"), "sparsity.density=" + density,
                "dist.partitions=2"));
    }

    private static byte[] message(ClassifyConfig config, RoundTask.Kind kind) {
        Workload driver = ClassifyRuns.spec(config, DATA, Kernels.defaults()).workload();
        Slots slots = new Slots();
        Trainer.initOptimizers(driver, slots);
        Shardable replica = (Shardable) ClassifyRuns.spec(config, DATA, Kernels.defaults()).workload();
        RoundTask task = new RoundTask(kind, 1, new int[] {0, 1}, 2, config.dist().clientSplit(),
                config.dist().compressionOf(), config.seed());
        return ShardWork.run(replica, Snapshot.of(driver, slots, 0), task, 0, ShardState.empty(), Kernels.defaults())
                .message();
    }

    @Test
    void aOnePercentDenseMlpSendsAtMostTwoPercentOfTheDenseBytes() {
        long dense = message(mlp("1"), RoundTask.Kind.LOCAL).length;
        long sparse = message(mlp("0.01"), RoundTask.Kind.LOCAL).length;
        assertTrue(dense > 2 * 4 * 2_794_000L, "dense: values and momentum of 2,794,000 weights in " + dense + " bytes");
        assertTrue(sparse <= 0.02 * dense, sparse + " bytes against " + dense + " dense: " + (double) sparse / dense);
    }

    @Test
    void aRewiringStepsLayerBatchesAreSmallerThanTheDenseGradientsTheyReplace() {
        ClassifyConfig config = mlp("0.01");
        long message = message(config, RoundTask.Kind.GRADIENTS).length;
        long denseGradients = 0;
        for (SparseLinear l : ClassifyRuns.spec(config, DATA, Kernels.defaults()).workload().groups().get(0)
                .sparseLayers()) {
            denseGradients += 4L * l.in() * l.out();
        }
        assertTrue(message < denseGradients / 4, "a shard of 8 examples sends " + message + " bytes, the sparse layers' "
                + "dense gradients are " + denseGradients);
    }

    private static List<float[]> values(Workload w) {
        return w.params().stream().map(p -> p.values().clone()).toList();
    }
}
