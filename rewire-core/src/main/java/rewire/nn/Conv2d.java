package rewire.nn;

import java.util.List;
import rewire.autodiff.ConvOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.autodiff.Window;
import rewire.tensor.Rng;

/**
 * A 2-d convolution: {@code x (Cin, B·H·W) -> y (Cout, B·Ho·Wo)}, both in the convolution layout of
 * {@link ConvOps}, with a linear core {@code (Cout, Cin·k·k)} and one bias per output channel: a
 * {@link Linear} for a dense convolution, applied to the im2col patches {@code (Cin·k·k, B·Ho·Wo)},
 * or a {@link SparseLinear} for a sparse one, which brings its representation along: in CSR with
 * stride 1 it convolves the image directly ({@link rewire.autodiff.SparseConvOps}), otherwise it
 * too runs on the patches. Parameters are named {@code <name>.weight} and
 * {@code <name>.bias}.
 */
public final class Conv2d extends Layer {
    private final ImageShape input;
    private final Window window;
    private final Layer core;
    private final int outChannels;

    /** A dense convolution over an existing core. */
    public Conv2d(ImageShape input, Window window, Linear core) {
        this(input, window, core, core.in(), core.out());
    }

    /** A sparse convolution over an existing core. */
    public Conv2d(ImageShape input, Window window, SparseLinear core) {
        this(input, window, core, core.in(), core.out());
    }

    private Conv2d(ImageShape input, Window window, Layer core, int coreIn, int coreOut) {
        int patch = input.channels() * window.size() * window.size();
        if (coreIn != patch) {
            throw new IllegalArgumentException("conv core takes " + coreIn + " inputs but a " + window.size() + "x"
                    + window.size() + " patch of " + input + " has " + patch);
        }
        window.output(input);  // throws when the window does not fit the input
        this.input = input;
        this.window = window;
        this.core = core;
        this.outChannels = coreOut;
    }

    /** A dense convolution with Kaiming-normal weights (fan-in {@code Cin·k·k}) and zero bias. */
    public static Conv2d dense(String name, ImageShape input, int outChannels, Window window, Rng rng) {
        int patch = input.channels() * window.size() * window.size();
        return new Conv2d(input, window, Linear.create(name, patch, outChannels, rng));
    }

    /**
     * A sparse convolution: a random pattern of the given density over {@code (Cout, Cin·k·k)},
     * Kaiming-normal weights scaled by each output channel's actual fan-in, zero bias.
     */
    public static Conv2d sparse(String name, ImageShape input, int outChannels, Window window, double density,
                                Rng rng) {
        int patch = input.channels() * window.size() * window.size();
        return new Conv2d(input, window, SparseLinear.create(name, patch, outChannels, density, rng));
    }

    /** {@code x (Cin, B·H·W) -> y (Cout, B·Ho·Wo)}; a sparse core picks im2col or the direct sparse convolution. */
    @Override
    public Var forward(Tape tape, Var x) {
        if (core instanceof SparseLinear sparse) {
            return sparse.forwardConvolution(tape, x, input, window);
        }
        return core.forward(tape, ConvOps.im2col(tape, x, input, window));
    }

    @Override
    public List<Module> children() {
        return List.of(core);
    }

    /** The linear core over patches: a {@link Linear} or a {@link SparseLinear}. */
    public Layer core() {
        return core;
    }

    public ImageShape input() {
        return input;
    }

    /** The shape of each output map: {@code Cout x Ho x Wo}. */
    public ImageShape output() {
        return window.output(input).withChannels(outChannels);
    }

    @Override
    public String toString() {
        return "Conv2d(" + input + " -> " + output() + ", " + window + ", " + core + ")";
    }
}
