/**
 * Dense float32 tensors, their shapes, and the explicit random number generator.
 *
 * <p>Layer 0 of rewire-core: imports nothing else of Rewire.
 */
package rewire.tensor;
