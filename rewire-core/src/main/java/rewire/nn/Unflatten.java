package rewire.nn;

import rewire.autodiff.ConvOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * From feature-major activations to convolution maps: {@code (C·H·W, B) -> (C, B·H·W)}, the
 * inverse of {@link Flatten}; the first module of a CNN fed with feature-major batches.
 */
public final class Unflatten extends Layer {
    private final ImageShape output;

    public Unflatten(ImageShape output) {
        this.output = output;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        return ConvOps.unflatten(tape, x, output);
    }

    @Override
    public String toString() {
        return "Unflatten(" + output + ")";
    }
}
