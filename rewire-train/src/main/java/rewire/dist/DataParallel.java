package rewire.dist;

import java.util.List;

/**
 * A backend that runs rounds on shards: threads of one JVM ({@link LocalDataParallel}), or the
 * partitions of a cluster. It only has to run {@link ShardWork#run} for each shard a task names,
 * on a replica of the workload, and keep each shard's {@link ShardState} from one of its rounds to
 * the next; {@link DataParallelTrainer} does the rest. Since a shard's work is a pure function of
 * the snapshot, the task and its state, a backend may retry it and gets the same bytes.
 *
 * <p>Call order: {@link #restore} (when resuming) before the first {@link #run}; {@link #run} and
 * {@link #states} in any order; {@link #close} last.
 */
public interface DataParallel extends AutoCloseable {

    /** How many shards there are. */
    int shards();

    /**
     * Runs {@code task} from {@code snapshot} on every shard in {@code task.shards()} and returns
     * their messages in that order; each of those shards' states becomes the one its work returned.
     */
    List<byte[]> run(Snapshot snapshot, RoundTask task);

    /** Every shard's state, in shard order, for a checkpoint. */
    List<ShardState> states();

    /** Sets every shard's state, in shard order (from a checkpoint). */
    void restore(List<ShardState> states);

    @Override
    void close();
}
