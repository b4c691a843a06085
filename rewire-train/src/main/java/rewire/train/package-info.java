/**
 * The training loop: a {@link rewire.train.Trainer} runs a {@link rewire.train.Workload} with an
 * optimizer, lets {@link rewire.train.Hook}s rewire the topology, log, evaluate and checkpoint,
 * and can resume from a checkpoint to the same bits.
 *
 * <p>Layer 9 of rewire-core: may import every package before it, and {@code config} and
 * {@code io}.
 */
package rewire.train;
