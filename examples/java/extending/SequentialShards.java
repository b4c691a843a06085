import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import rewire.config.Config;
import rewire.data.FashionMnist;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.dist.DataParallel;
import rewire.dist.DataParallelTrainer;
import rewire.dist.GradientUpdate;
import rewire.dist.LocalUpdate;
import rewire.dist.Round;
import rewire.dist.Shard;
import rewire.dist.Shardable;
import rewire.dist.Snapshot;
import rewire.kernel.Kernels;
import rewire.models.classify.ClassifyConfig;
import rewire.models.classify.ClassifyRuns;
import rewire.optim.Slots;
import rewire.run.RunSpec;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;

/**
 * A new distributed backend: the shards' rounds run one after another in the calling thread. A
 * backend only has to run {@link Round}s on replicas of the workload; {@link DataParallelTrainer}
 * does the rest (averaging, topology updates on the whole batch, hooks). A cluster backend ships
 * {@link Snapshot#toBytes()} to its workers and the updates back.
 */
public class SequentialShards implements DataParallel {
    private final int shards;
    private final LongFunction<Shardable> replicas;
    private final List<Shardable> built = new ArrayList<>();

    SequentialShards(int shards, LongFunction<Shardable> replicas) {
        this.shards = shards;
        this.replicas = replicas;
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public List<LocalUpdate> rounds(Snapshot snapshot, long steps, long seed) {
        List<LocalUpdate> out = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            out.add(Round.local(replica(i, seed), snapshot, new Shard(i, shards), steps, Kernels.defaults()));
        }
        return out;
    }

    @Override
    public List<GradientUpdate> gradients(Snapshot snapshot, long seed) {
        List<GradientUpdate> out = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            out.add(Round.gradients(replica(i, seed), snapshot, new Shard(i, shards), Kernels.defaults()));
        }
        return out;
    }

    private Shardable replica(int shard, long seed) {
        while (built.size() <= shard) {
            built.add(replicas.apply(seed));
        }
        return built.get(shard);
    }

    @Override
    public void close() {
        built.clear();
    }

    public static void main(String[] args) throws Exception {
        Split data = FashionMnist.load(Path.of(args[0])).standardized(Standardization.Mode.GLOBAL);
        ClassifyConfig config = Config.load(ClassifyConfig.class, List.of("model.hidden=[64]", "data.batchSize=32",
                "train.epochs=2", "sparsity.options=[deltaT=5]"));
        RunSpec driver = ClassifyRuns.spec(config, data, Kernels.defaults());
        Shardable model = (Shardable) driver.workload();
        try (SequentialShards backend = new SequentialShards(2,
                seed -> (Shardable) ClassifyRuns.spec(config, data, Kernels.defaults()).workload())) {
            new DataParallelTrainer(model, backend, SparsityHooks.of(model, driver.seed(), Kernels.defaults(), null)
                    .all(), driver.seed(), 4, step -> false)
                    .run(new TrainState(model, new Slots(), 0, driver.totalSteps()));
        }
        model.groups().forEach(g -> g.module().eval());
        System.out.printf("2 shards, RigL on the driver: test accuracy %.2f%%%n",
                100 * model.evaluate(driver.totalSteps()).get("accuracy"));
    }
}
