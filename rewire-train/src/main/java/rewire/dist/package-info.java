/**
 * Data-parallel and federated training: a shard's round is a pure function of (model
 * {@link rewire.dist.Snapshot}, {@link rewire.dist.RoundTask}, {@link rewire.dist.Shard}, the
 * shard's {@link rewire.dist.ShardState}) run on a replica of the workload
 * ({@link rewire.dist.ShardWork}); its message carries nnz floats per sparse weight, exact or
 * compressed ({@link rewire.dist.Compression}: top-k, random-k, 8-bit, with error feedback). A
 * {@link rewire.dist.DataParallel} backend runs the shards ({@link rewire.dist.LocalDataParallel}
 * on threads, the Spark module on a cluster), found by {@code dist.engine} through
 * {@link rewire.dist.DataParallelEngine}; the {@link rewire.dist.DataParallelTrainer} drives them,
 * samples federated clients ({@link rewire.dist.ClientSplit}: IID or Dirichlet shares of the
 * training set), averages what they send and applies topology updates on the whole batch's
 * gradient; {@link rewire.dist.DataParallelExecution} is how a run's configuration gets there.
 *
 * <p>The last layer of rewire-train: may import every package below it.
 */
package rewire.dist;
