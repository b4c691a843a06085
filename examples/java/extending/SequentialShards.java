import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import rewire.config.Config;
import rewire.data.FashionMnist;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.dist.DataParallel;
import rewire.dist.DataParallelTrainer;
import rewire.dist.RoundTask;
import rewire.dist.ShardState;
import rewire.dist.ShardWork;
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
 * backend only has to run {@link ShardWork} on replicas of the workload and keep each shard's
 * state (its error-feedback residuals) between rounds; {@link DataParallelTrainer} does the rest
 * (compression, averaging, topology updates on the whole batch, hooks). A cluster backend ships
 * {@link Snapshot#toBytes()} to its workers and the messages back.
 */
public class SequentialShards implements DataParallel {
    private final int shards;
    private final Supplier<Shardable> replicas;
    private final List<Shardable> built = new ArrayList<>();
    private final List<ShardState> states;

    SequentialShards(int shards, Supplier<Shardable> replicas) {
        this.shards = shards;
        this.replicas = replicas;
        this.states = new ArrayList<>(Collections.nCopies(shards, ShardState.empty()));
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public List<byte[]> run(Snapshot snapshot, RoundTask task) {
        List<byte[]> messages = new ArrayList<>();
        for (int s : task.shards()) {
            ShardWork.Result r = ShardWork.run(replica(s), snapshot, task, s, states.get(s), Kernels.defaults());
            states.set(s, r.state());
            messages.add(r.message());
        }
        return messages;
    }

    private Shardable replica(int shard) {
        while (built.size() <= shard) {
            built.add(replicas.get());
        }
        return built.get(shard);
    }

    @Override
    public List<ShardState> states() {
        return List.copyOf(states);
    }

    @Override
    public void restore(List<ShardState> saved) {
        Collections.copy(states, saved);
    }

    @Override
    public void close() {
        built.clear();
    }

    public static void main(String[] args) throws Exception {
        Split data = FashionMnist.load(Path.of(args[0])).standardized(Standardization.Mode.GLOBAL);
        ClassifyConfig config = Config.load(ClassifyConfig.class, List.of("model.hidden=[64]", "data.batchSize=32",
                "train.epochs=2", "sparsity.options=[deltaT=5]", "dist.partitions=2", "dist.localSteps=4"));
        RunSpec driver = ClassifyRuns.spec(config, data, Kernels.defaults());
        Shardable model = (Shardable) driver.workload();
        try (SequentialShards backend = new SequentialShards(2,
                () -> (Shardable) ClassifyRuns.spec(config, data, Kernels.defaults()).workload())) {
            new DataParallelTrainer(model, backend, SparsityHooks.of(model, driver.seed(), Kernels.defaults(), null)
                    .all(), driver.seed(), config.dist(), step -> false)
                    .run(new TrainState(model, new Slots(), 0, driver.totalSteps()), () -> false);
        }
        model.groups().forEach(g -> g.module().eval());
        System.out.printf("2 shards, RigL on the driver: test accuracy %.2f%%%n",
                100 * model.evaluate(driver.totalSteps()).get("accuracy"));
    }
}
