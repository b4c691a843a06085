package rewire.nn;

import rewire.autodiff.ConvOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.autodiff.Window;

/** Max or average pooling {@code (C, B·H·W) -> (C, B·Ho·Wo)} over an unpadded window. */
public final class Pool2d extends Layer {
    private final ImageShape input;
    private final Window window;
    private final boolean max;

    private Pool2d(ImageShape input, Window window, boolean max) {
        if (window.padding() != 0) {
            throw new IllegalArgumentException("pooling takes no padding, got window " + window);
        }
        window.output(input);  // throws when the window does not fit the input
        this.input = input;
        this.window = window;
        this.max = max;
    }

    public static Pool2d max(ImageShape input, Window window) {
        return new Pool2d(input, window, true);
    }

    public static Pool2d avg(ImageShape input, Window window) {
        return new Pool2d(input, window, false);
    }

    @Override
    public Var forward(Tape tape, Var x) {
        return max ? ConvOps.maxPool2d(tape, x, input, window) : ConvOps.avgPool2d(tape, x, input, window);
    }

    /** The shape of each output map. */
    public ImageShape output() {
        return window.output(input);
    }

    @Override
    public String toString() {
        return (max ? "MaxPool2d(" : "AvgPool2d(") + input + ", " + window + ")";
    }
}
