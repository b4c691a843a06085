/**
 * Neural network building blocks: trainable {@link rewire.nn.Param}eters (dense or sparse) and,
 * later, modules and layers.
 *
 * <p>Layer 3 of rewire-core: may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}.
 */
package rewire.nn;
