package rewire.dist;

import rewire.train.Workload;

/**
 * A workload that can train on one shard of each global batch, so that several replicas of it
 * train one model data-parallel. A replica restricted to shard {@code s} computes the loss of
 * step {@code t} on part {@code s} of exactly the batch a single process would use at {@code t}.
 * One-loss, one-group workloads ({@link rewire.train.SupervisedWorkload}) implement it.
 */
public interface Shardable extends Workload {

    /** From now on, trains on {@code shard} of every batch; {@link Shard#whole()} restores the full batch. */
    void restrictTo(Shard shard);
}
