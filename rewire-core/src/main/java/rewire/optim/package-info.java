/**
 * Optimizers whose state follows the topology. An optimizer is a {@link rewire.optim.Transform}
 * (optax style) built with the factories of {@link rewire.optim.Optim} and composed with
 * {@link rewire.optim.Optim#chain}; it turns gradients into updates in place, and
 * {@link rewire.optim.Optim#applyUpdates} adds them to the values. All per-connection state lives
 * in {@link rewire.optim.Slots}, named arrays aligned with each parameter's values, which the DST
 * engine moves through a {@link rewire.sparse.Remap} and a checkpoint saves. Learning rates (and
 * the DST engine's densities and drop fractions) are {@link rewire.optim.Schedule}s of the step.
 *
 * <p>Layer 4 of rewire-core: may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}, {@code nn}.
 */
package rewire.optim;
