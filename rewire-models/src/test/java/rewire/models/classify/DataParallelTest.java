package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.config.Config;
import rewire.data.Split;
import rewire.dist.DataParallelTrainer;
import rewire.dist.LocalDataParallel;
import rewire.dist.Shardable;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.run.RunSpec;
import rewire.tensor.Rng;
import rewire.train.Hook;
import rewire.train.ParamGroup;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * Data-parallel training on threads against the single process: one shard gives the same bits,
 * RigL's topology updates included; two shards with one local step per round give the model of
 * one process training the same global batch, to float tolerance (SGD with momentum and weight
 * decay, whose update is linear in the gradient).
 */
class DataParallelTest {
    private static final Split DATA = TrainingRunTest.syntheticImages(new Rng(21));

    private static RunSpec spec(String recipe, String options) {
        ClassifyConfig config = Config.load(ClassifyConfig.class, List.of("name=dp", "train.epochs=2",
                "model.hidden=[40,32]", "data.batchSize=16", "sparsity.recipe=" + recipe, "sparsity.density=0.3",
                "sparsity.options=" + options, "optim.name=momentum", "optim.lr=0.05"));
        return ClassifyRuns.spec(config, DATA, Kernels.defaults());
    }

    private static List<float[]> single(RunSpec spec) {
        Workload w = spec.workload();
        new Trainer(w, SparsityHooks.of(w, spec.seed(), Kernels.defaults(), null).all(), Kernels.defaults())
                .run(new TrainState(w, new Slots(), 0, spec.totalSteps()));
        return values(w);
    }

    private static List<float[]> parallel(RunSpec spec, String recipe, String options, int shards, long localSteps) {
        Shardable w = (Shardable) spec.workload();
        List<Hook> hooks = new ArrayList<>(SparsityHooks.of(w, spec.seed(), Kernels.defaults(), null).all());
        try (LocalDataParallel backend = new LocalDataParallel(shards,
                seed -> (Shardable) spec(recipe, options).workload(), Kernels.defaults())) {
            new DataParallelTrainer(w, backend, hooks, spec.seed(), localSteps, s -> false)
                    .run(new TrainState(w, new Slots(), 0, spec.totalSteps()));
        }
        return values(w);
    }

    @Test
    void oneShardReproducesTheSingleProcessBitForBitRigLIncluded() {
        String options = "[deltaT=5]";
        List<float[]> expected = single(spec("rigl", options));
        for (long local : new long[] {1, 4}) {
            List<float[]> actual = parallel(spec("rigl", options), "rigl", options, 1, local);
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i + ", " + local + " local steps");
            }
        }
    }

    @Test
    void twoShardsEqualTheLargeBatchRunToFloatTolerance() {
        List<float[]> expected = single(spec("static", "[]"));
        List<float[]> actual = parallel(spec("static", "[]"), "static", "[]", 2, 1);
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
        String options = "[deltaT=5]";
        RunSpec spec = spec("rigl", options);
        ParamGroup group = spec.workload().groups().get(0);
        var before = group.sparseLayers().get(0).weight().pattern();
        parallel(spec, "rigl", options, 2, 3);
        var after = group.sparseLayers().get(0).weight().pattern();
        assertTrue(!before.equals(after), "the driver changed the topology");
        assertEquals(before.nnz(), after.nnz(), "RigL keeps each layer's count");
    }

    @Test
    void aBatchThatDoesNotSplitIsRefused() {
        RunSpec spec = spec("static", "[]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parallel(spec, "static", "[]", 3, 1));
        assertTrue(e.getMessage().contains("does not split into 3 equal shards"), e.getMessage());
    }

    private static List<float[]> values(Workload w) {
        return w.params().stream().map(p -> p.values().clone()).toList();
    }
}
