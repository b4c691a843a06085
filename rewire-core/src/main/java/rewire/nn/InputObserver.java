package rewire.nn;

import rewire.tensor.Tensor;

/**
 * Sees the input of every forward pass of a linear layer ({@link Linear}, {@link SparseLinear}):
 * the seam through which one-shot pruning collects calibration statistics (column norms, X·Xᵀ)
 * from any model without a copy of that model's forward pass. A layer calls its observer once
 * per forward pass, before the product, with its input {@code x (in, B)} as it will multiply it.
 * The tensor is valid only during the call (it may be a tape's reused buffer): read it, never keep
 * it. The default observer does nothing.
 */
@FunctionalInterface
public interface InputObserver {
    /** The observer of a layer nobody watches. */
    InputObserver NONE = input -> { };

    /** Called with the layer's input {@code x (in, B)}. */
    void observe(Tensor input);
}
