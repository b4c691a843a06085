package rewire.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import rewire.dist.ReplicaFactory;
import rewire.dist.Shardable;
import rewire.kernel.Kernels;

/**
 * The replicas an executor JVM has built, one per (run configuration, shard): a partition's task
 * builds its shard's replica on first use (the model, the data read from the configuration's
 * files, the data order from its seed) and every later round of that shard reuses it, since a
 * round restores the snapshot into it. Replicas of another configuration are dropped when a new
 * one arrives: an executor serves one run at a time.
 */
final class ExecutorReplicas {
    private static final Map<Key, Shardable> BUILT = new ConcurrentHashMap<>();

    private record Key(String configYaml, String builder, int shard) {
    }

    private ExecutorReplicas() {
    }

    /** Shard {@code shard}'s replica of the run {@code factory} builds. */
    static Shardable of(ReplicaFactory factory, int shard) {
        Key key = new Key(factory.configYaml(), factory.builder().getClass().getName(), shard);
        BUILT.keySet().removeIf(k -> !k.configYaml().equals(key.configYaml()) || !k.builder().equals(key.builder()));
        return BUILT.computeIfAbsent(key, k -> factory.build(Kernels.defaults()));
    }
}
