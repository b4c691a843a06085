package rewire.dist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import rewire.kernel.Kernels;

/**
 * Data parallelism on threads of one JVM: one replica per shard, built on first use, each shard's
 * round on a thread of its own, shard states in memory. With one shard a run equals the
 * single-process run bit for bit; with several it equals a synchronous large-batch run of the same
 * global batch to float tolerance (see {@link DataParallelTrainer}).
 */
public final class LocalDataParallel implements DataParallel {
    private final int shards;
    private final Supplier<Shardable> replicas;
    private final Kernels kernels;
    private final ExecutorService threads;
    private final List<Shardable> built;
    private final List<ShardState> states;

    /**
     * @param shards   how many shards (and threads)
     * @param replicas builds a replica of the workload (the same configuration and seed as the driver's)
     */
    public LocalDataParallel(int shards, Supplier<Shardable> replicas, Kernels kernels) {
        if (shards < 1) {
            throw new IllegalArgumentException("need at least one shard, got " + shards);
        }
        this.shards = shards;
        this.replicas = replicas;
        this.kernels = kernels;
        this.built = new ArrayList<>(Collections.nCopies(shards, null));
        this.states = new ArrayList<>(Collections.nCopies(shards, ShardState.empty()));
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
    public List<byte[]> run(Snapshot snapshot, RoundTask task) {
        int[] which = task.shards();
        List<Future<ShardWork.Result>> pending = new ArrayList<>();
        for (int s : which) {
            pending.add(threads.submit(() -> ShardWork.run(replica(s), snapshot, task, s, states.get(s), kernels)));
        }
        List<ShardWork.Result> results = new ArrayList<>();
        for (int i = 0; i < which.length; i++) {
            results.add(await(pending.get(i), which[i]));
        }
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < which.length; i++) {
            states.set(which[i], results.get(i).state());
            messages.add(results.get(i).message());
        }
        return messages;
    }

    // shard s's replica; only s's thread builds or uses it
    private Shardable replica(int s) {
        synchronized (built) {
            if (built.get(s) == null) {
                built.set(s, replicas.get());
            }
            return built.get(s);
        }
    }

    private static <T> T await(Future<T> pending, int shard) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for shard " + shard, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("shard " + shard + " failed", e.getCause());
        }
    }

    @Override
    public List<ShardState> states() {
        return List.copyOf(states);
    }

    @Override
    public void restore(List<ShardState> saved) {
        if (saved.size() != shards) {
            throw new IllegalArgumentException(saved.size() + " shard states for " + shards + " shards");
        }
        for (int i = 0; i < shards; i++) {
            states.set(i, saved.get(i));
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
