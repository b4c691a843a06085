package rewire.nn;

import rewire.autodiff.ConvOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * From convolution maps to feature-major activations: {@code (C, B·H·W) -> (C·H·W, B)}, features
 * in {@code (c, h, w)} order.
 */
public final class Flatten extends Layer {
    private final ImageShape input;

    public Flatten(ImageShape input) {
        this.input = input;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        return ConvOps.flatten(tape, x, input);
    }

    /** Features per example after flattening. */
    public int features() {
        return input.features();
    }

    @Override
    public String toString() {
        return "Flatten(" + input + ")";
    }
}
