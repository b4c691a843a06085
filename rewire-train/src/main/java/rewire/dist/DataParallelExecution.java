package rewire.dist;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import rewire.kernel.Kernels;
import rewire.run.Execution;
import rewire.train.Hook;
import rewire.train.TrainState;
import rewire.train.Workload;

/**
 * A run's steps on the shards of the engine its {@code dist} section names: opens the engine's
 * backend, saves the shards' states with the run's checkpoints, and trains with a
 * {@link DataParallelTrainer}. With {@code dist.engine: none} a run executes in one process.
 */
public final class DataParallelExecution implements Execution {
    private final DistSettings settings;
    private final ReplicaFactory replicas;

    private DataParallelExecution(DistSettings settings, ReplicaFactory replicas) {
        this.settings = settings;
        this.replicas = replicas;
    }

    /** The execution {@code settings} describe; replicas of the workload come from {@code replicas}. */
    public static Execution of(DistSettings settings, ReplicaFactory replicas) {
        return settings.isDistributed() ? new DataParallelExecution(settings, replicas) : Execution.singleProcess();
    }

    @Override
    public Session open(Workload workload, long seed, Kernels kernels) {
        if (!(workload instanceof Shardable shardable)) {
            throw new IllegalArgumentException("dist.engine=" + settings.engine().spelling() + ": workload "
                    + workload.name() + " cannot train data-parallel (it does not implement rewire.dist.Shardable); "
                    + "set dist.engine=none");
        }
        DataParallel backend = DataParallelEngine.find(settings.engine()).open(settings, replicas, kernels);
        return new DistributedSession(shardable, backend, seed);
    }

    /** One run's backend and driver. */
    private final class DistributedSession implements Session {
        private final Shardable workload;
        private final DataParallel backend;
        private final long seed;
        private final ShardStates states;
        private DataParallelTrainer trainer;

        DistributedSession(Shardable workload, DataParallel backend, long seed) {
            this.workload = workload;
            this.backend = backend;
            this.seed = seed;
            this.states = new ShardStates(backend);
        }

        @Override
        public List<Hook> stateHooks() {
            return List.of(states);
        }

        @Override
        public void run(TrainState state, List<Hook> hooks, LongPredicate boundary, BooleanSupplier stop) {
            trainer = new DataParallelTrainer(workload, backend, hooks, seed, settings, boundary);
            trainer.run(state, stop);
        }

        @Override
        public Map<String, Double> status() {
            DataParallelTrainer t = trainer;
            return t == null ? Map.of() : t.status();
        }

        @Override
        public void close() {
            backend.close();
        }
    }
}
