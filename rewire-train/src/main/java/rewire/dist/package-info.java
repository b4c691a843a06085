/**
 * Data-parallel training: a round is a pure function of (model {@link rewire.dist.Snapshot},
 * {@link rewire.dist.Shard}, steps, seed) run on a replica of the workload; a
 * {@link rewire.dist.DataParallel} backend runs the rounds of every shard
 * ({@link rewire.dist.LocalDataParallel} on threads, the Spark module on a cluster); the
 * {@link rewire.dist.DataParallelTrainer} drives them, averages the shards' models and applies
 * topology updates on the whole batch's gradient.
 *
 * <p>The last layer of rewire-train: may import every package below it.
 */
package rewire.dist;
