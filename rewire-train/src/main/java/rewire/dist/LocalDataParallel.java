package rewire.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongFunction;
import rewire.kernel.Kernels;

/**
 * Data parallelism on threads of one JVM: one replica per shard, built once by a factory from the
 * run's seed, each round of every shard on a thread of its own. With one shard a run equals the
 * single-process run bit for bit; with several it equals a synchronous large-batch run of the same
 * global batch to float tolerance (see {@link DataParallelTrainer}).
 */
public final class LocalDataParallel implements DataParallel {
    private final int shards;
    private final LongFunction<Shardable> factory;
    private final Kernels kernels;
    private final ExecutorService threads;
    private final List<Shardable> replicas = new ArrayList<>();
    private long replicaSeed;

    /**
     * @param shards  how many shards (and threads)
     * @param factory builds a replica of the workload from the run's seed (the same configuration as the driver's)
     */
    public LocalDataParallel(int shards, LongFunction<Shardable> factory, Kernels kernels) {
        if (shards < 1) {
            throw new IllegalArgumentException("need at least one shard, got " + shards);
        }
        this.shards = shards;
        this.factory = factory;
        this.kernels = kernels;
        this.threads = Executors.newFixedThreadPool(shards, r -> {
            Thread t = new Thread(r, "rewire-shard");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public List<LocalUpdate> rounds(Snapshot snapshot, long steps, long seed) {
        return onEveryShard(seed, (i) -> Round.local(replicas.get(i), snapshot, new Shard(i, shards), steps, kernels));
    }

    @Override
    public List<GradientUpdate> gradients(Snapshot snapshot, long seed) {
        return onEveryShard(seed, (i) -> Round.gradients(replicas.get(i), snapshot, new Shard(i, shards), kernels));
    }

    private <T> List<T> onEveryShard(long seed, Function<Integer, T> work) {
        ensureReplicas(seed);
        List<Future<T>> pending = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            int shard = i;
            pending.add(threads.submit(() -> work.apply(shard)));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            try {
                out.add(pending.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for shard " + i, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("shard " + i + " failed", e.getCause());
            }
        }
        return out;
    }

    private void ensureReplicas(long seed) {
        if (!replicas.isEmpty() && seed == replicaSeed) {
            return;
        }
        replicas.clear();
        for (int i = 0; i < shards; i++) {
            replicas.add(factory.apply(seed));
        }
        replicaSeed = seed;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
