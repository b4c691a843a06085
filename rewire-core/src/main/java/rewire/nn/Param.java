package rewire.nn;

import rewire.autodiff.Var;

/**
 * A trainable parameter: a connection-aligned array of values and one of gradients of the same
 * length. For a {@link DenseParam} every element is a connection; for a {@link SparseParam} the
 * connections are the entries of its sparsity pattern, and the arrays are replaced when the
 * topology changes.
 *
 * <p>Optimizers and the DST engine see only this view, so they work the same on both kinds.
 *
 * <p>A parameter requires a gradient unless {@link #setRequiresGrad} turned it off: a model used
 * as a fixed function for one loss (a GAN's discriminator while its generator learns, or the
 * generator while the discriminator learns) then costs no weight gradients. Layers read their
 * parameters through {@link #var()}, which honours the flag.
 */
public sealed interface Param permits DenseParam, SparseParam {

    /** A stable name, unique within a model, such as "fc1.weight". */
    String name();

    /** The values, one per connection; written in place by optimizers. */
    float[] values();

    /** The gradient, aligned with {@link #values()}; accumulated by backward, cleared per step. */
    float[] grad();

    /** Number of connections (length of values and grad). */
    default int size() {
        return values().length;
    }

    /** Sets the gradient to zero. */
    default void zeroGrad() {
        java.util.Arrays.fill(grad(), 0f);
    }

    /** Whether backward computes this parameter's gradient (true unless turned off). */
    boolean requiresGrad();

    /** Turns this parameter's gradient on or off for the forward passes that follow. */
    void setRequiresGrad(boolean on);

    /**
     * This parameter as an autodiff variable over its own arrays: one whose backward adds into
     * {@link #grad()}, or a constant when it {@linkplain #requiresGrad() requires no gradient}.
     * Made afresh at every forward pass, so a sparse parameter's new topology is picked up.
     */
    Var var();
}
