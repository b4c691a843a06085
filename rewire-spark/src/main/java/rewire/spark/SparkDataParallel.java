package rewire.spark;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import rewire.dist.DataParallel;
import rewire.dist.ReplicaFactory;
import rewire.dist.RoundTask;
import rewire.dist.ShardState;
import rewire.dist.Snapshot;

/**
 * Data parallelism on Apache Spark: one partition per shard. Each partition holds its shard's
 * {@link ShardState} in an RDD that every round maps to the next, so the error-feedback residuals
 * stay on the executors and travel only to checkpoints. A round broadcasts the snapshot's bytes
 * once, runs {@link PartitionRound} in every partition, and gathers the messages with
 * {@code treeAggregate} into a map by shard: merging maps adds no floats, so the driver sums the
 * shards in shard order and a retried task, or another engine, gives the same bits (Spark's tree
 * merges partial results in the order they arrive, which would make float sums depend on timing).
 *
 * <p>A round is one Spark job. Its outcomes stay cached until the next round's job has computed
 * the states from them and local-checkpointed them: lineage stays one round long, and a lost
 * executor fails the run (resume it from its last checkpoint) instead of recomputing old rounds.
 */
final class SparkDataParallel implements DataParallel {
    private static final int TREE_DEPTH = 2;

    private final JavaSparkContext spark;
    private final boolean ownsContext;
    private final int shards;
    private final ReplicaFactory replicas;
    // every shard's state: computed from the last round's cached outcomes by the next job that needs them
    private JavaRDD<PartitionRound.Slot> states;
    private JavaRDD<PartitionRound.Outcome> lastOutcomes;
    private Broadcast<byte[]> lastModel;

    /**
     * @param ownsContext whether {@link #close} stops the context (it was started for this run)
     */
    SparkDataParallel(JavaSparkContext spark, boolean ownsContext, int shards, ReplicaFactory replicas) {
        requireShippable(replicas);
        this.spark = spark;
        this.ownsContext = ownsContext;
        this.shards = shards;
        this.replicas = replicas;
        List<ShardState> empty = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            empty.add(ShardState.empty());
        }
        this.states = checkpointed(spark.parallelize(slots(empty), shards));
    }

    // a replica factory that cannot be serialized would fail at the first task with "Task not serializable"
    private static void requireShippable(ReplicaFactory replicas) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(replicas);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("dist.engine=spark: the run's replicas cannot be shipped to executors ("
                    + e.getMessage() + " is not serializable): a run built on data in memory trains with "
                    + "dist.engine=local; on Spark every executor reads the data files its configuration names", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the run's replica factory: " + e.getMessage(), e);
        }
    }

    private static List<PartitionRound.Slot> slots(List<ShardState> states) {
        List<PartitionRound.Slot> out = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            out.add(new PartitionRound.Slot(s, states.get(s)));
        }
        return out;
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public List<byte[]> run(Snapshot snapshot, RoundTask task) {
        Broadcast<byte[]> model = spark.broadcast(snapshot.toBytes());
        ReplicaFactory factory = replicas;
        JavaRDD<PartitionRound.Outcome> outcomes = states
                .map(slot -> PartitionRound.run(slot, model.value(), task, factory))
                .persist(StorageLevel.MEMORY_AND_DISK());
        TreeMap<Integer, byte[]> messages = outcomes.filter(o -> o.message() != null).treeAggregate(new TreeMap<>(),
                (byShard, o) -> {
                    byShard.put(o.shard(), o.message());
                    return byShard;
                }, (a, b) -> {
                    a.putAll(b);
                    return a;
                }, TREE_DEPTH);
        releaseLastRound();
        lastOutcomes = outcomes;
        lastModel = model;
        states = checkpointed(outcomes.map(o -> new PartitionRound.Slot(o.shard(), o.state())));
        List<byte[]> out = new ArrayList<>();
        for (int s : task.shards()) {
            byte[] m = messages.get(s);
            if (m == null) {
                throw new IllegalStateException("shard " + s + " returned no message");
            }
            out.add(m);
        }
        return out;
    }

    // the round before this one: its states were checkpointed by this round's job, so it is no longer needed
    private void releaseLastRound() {
        if (lastOutcomes != null) {
            lastOutcomes.unpersist(false);
            lastModel.destroy();
        }
    }

    // marked for a local checkpoint: the job that first computes the states (the next round's, or a
    // checkpoint's collect) keeps them and cuts their lineage
    private static JavaRDD<PartitionRound.Slot> checkpointed(JavaRDD<PartitionRound.Slot> rdd) {
        rdd.rdd().localCheckpoint();
        return rdd;
    }

    @Override
    public List<ShardState> states() {
        List<PartitionRound.Slot> all = new ArrayList<>(states.collect());
        all.sort(Comparator.comparingInt(PartitionRound.Slot::shard));
        return all.stream().map(PartitionRound.Slot::state).toList();
    }

    @Override
    public void restore(List<ShardState> saved) {
        if (saved.size() != shards) {
            throw new IllegalArgumentException(saved.size() + " shard states for " + shards + " partitions");
        }
        states.unpersist(false);
        states = checkpointed(spark.parallelize(slots(saved), shards));
    }

    @Override
    public void close() {
        states.unpersist(false);
        releaseLastRound();
        if (ownsContext) {
            spark.stop();
        }
    }
}
