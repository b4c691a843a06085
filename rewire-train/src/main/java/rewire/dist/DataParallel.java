package rewire.dist;

import java.util.List;

/**
 * A backend that runs rounds on shards: threads of one JVM ({@link LocalDataParallel}), or the
 * partitions of a cluster. Each call is a pure function of its arguments: a round of shard
 * {@code s} from a snapshot, for a number of steps, with replicas built from a seed, always
 * returns the same bits.
 *
 * <p>Call order: {@link #rounds} and {@link #gradients} in any order, then {@link #close}.
 */
public interface DataParallel extends AutoCloseable {

    /** How many shards each batch splits into. */
    int shards();

    /** Every shard's round of {@code steps} local steps from {@code snapshot}, in shard order. */
    List<LocalUpdate> rounds(Snapshot snapshot, long steps, long seed);

    /** Every shard's gradients of step {@code snapshot.step()}, in shard order. */
    List<GradientUpdate> gradients(Snapshot snapshot, long seed);

    @Override
    void close();
}
