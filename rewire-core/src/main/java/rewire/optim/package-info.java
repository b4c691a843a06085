/**
 * Optimizers whose state follows the topology: {@link rewire.optim.Slots} holds named
 * connection-aligned state per parameter and moves it through a {@link rewire.sparse.Remap}.
 *
 * <p>Layer 4 of rewire-core: may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}, {@code nn}.
 */
package rewire.optim;
