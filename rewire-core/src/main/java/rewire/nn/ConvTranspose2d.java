package rewire.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import rewire.autodiff.ConvOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.LinearOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.autodiff.Window;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A 2-d transposed convolution, a learned upsampling: {@code x (Cin, B·H·W) -> y (Cout, B·Ho·Wo)}
 * with {@code Ho = (H - 1)·s - 2p + k}, both in the convolution layout of {@link ConvOps}. Every
 * input pixel is mapped to a {@code Cout x k x k} patch by the transpose of a linear core
 * {@code (Cin, Cout·k·k)} (PyTorch's weight layout, so that Erdos-Renyi-Kernel budgets see the
 * kernel shape {@code (Cin, Cout, k, k)}), the patches are added onto the output map where they
 * overlap ({@link ConvOps#col2im}), and one bias per output channel is added. The core is a
 * {@link Linear} for a dense layer or a {@link SparseLinear} for a sparse one, run through its
 * transpose ({@code forwardTransposed}), without a bias of its own. Parameters are named
 * {@code <name>.weight} and {@code <name>.bias}.
 */
public final class ConvTranspose2d extends Layer {
    private final ImageShape input;
    private final Window window;
    private final Layer core;
    private final BiFunction<Tape, Var, Var> transposedProduct;
    private final DenseParam bias;
    private final ImageShape output;

    /** A dense transposed convolution over an existing core {@code (Cin, Cout·k·k)} and bias {@code (Cout,)} or null. */
    public ConvTranspose2d(ImageShape input, Window window, Linear core, DenseParam bias) {
        this(input, window, core, core::forwardTransposed, core.out(), core.in(), bias);
    }

    /** A sparse transposed convolution over an existing core {@code (Cin, Cout·k·k)} and bias {@code (Cout,)} or null. */
    public ConvTranspose2d(ImageShape input, Window window, SparseLinear core, DenseParam bias) {
        this(input, window, core, core::forwardTransposed, core.out(), core.in(), bias);
    }

    private ConvTranspose2d(ImageShape input, Window window, Layer core, BiFunction<Tape, Var, Var> transposedProduct,
                            int coreRows, int coreCols, DenseParam bias) {
        int kk = window.size() * window.size();
        if (coreRows != input.channels() || coreCols % kk != 0) {
            throw new IllegalArgumentException("transposed conv core is " + coreRows + " x " + coreCols + " but input "
                    + input + " with a " + window.size() + "x" + window.size() + " window needs (" + input.channels()
                    + ", Cout·" + kk + ")");
        }
        this.input = input;
        this.window = window;
        this.core = core;
        this.transposedProduct = transposedProduct;
        this.output = window.transposedOutput(input).withChannels(coreCols / kk);
        if (bias != null && bias.size() != output.channels()) {
            throw new IllegalArgumentException(bias.name() + ": bias " + bias.value().shape() + " needs one entry per "
                    + "output channel (" + output.channels() + ")");
        }
        this.bias = bias;
    }

    /**
     * A dense transposed convolution with Kaiming-normal weights (fan-in {@code Cout·k·k}, the
     * columns of the core, as PyTorch computes it for this layout) and a zero bias.
     */
    public static ConvTranspose2d dense(String name, ImageShape input, int outChannels, Window window, Rng rng) {
        int k = window.size();
        Linear core = Linear.create(name, outChannels * k * k, input.channels(), false, Init.kaimingNormal(), rng);
        return new ConvTranspose2d(input, window, core, zeroBias(name, outChannels));
    }

    /**
     * A sparse transposed convolution on a random pattern of the given density over
     * {@code (Cin, Cout·k·k)}, Kaiming-normal weights scaled by each row's actual fan-in, a zero bias.
     */
    public static ConvTranspose2d sparse(String name, ImageShape input, int outChannels, Window window,
                                         double density, Rng rng) {
        int k = window.size();
        SparseLinear random = SparseLinear.create(name, outChannels * k * k, input.channels(), density, rng);
        SparseLinear core = new SparseLinear(random.weight(), null, random.crossover());
        return new ConvTranspose2d(input, window, core, zeroBias(name, outChannels));
    }

    private static DenseParam zeroBias(String name, int channels) {
        return new DenseParam(name + ".bias", Tensor.zeros(channels));
    }

    /** {@code x (Cin, B·H·W) -> y (Cout, B·Ho·Wo)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        Var patches = transposedProduct.apply(tape, x);                          // (Cout·k·k, B·H·W)
        Var y = ConvOps.col2im(tape, patches, output, window);                    // (Cout, B·Ho·Wo)
        return bias == null ? y : LinearOps.addBias(tape, y, bias.var());
    }

    @Override
    public List<Module> children() {
        return List.of(core);
    }

    @Override
    protected List<Param> ownParams() {
        List<Param> own = new ArrayList<>();
        if (bias != null) {
            own.add(bias);
        }
        return own;
    }

    /** The linear core {@code (Cin, Cout·k·k)}: a {@link Linear} or a {@link SparseLinear}. */
    public Layer core() {
        return core;
    }

    public ImageShape input() {
        return input;
    }

    /** The shape of each output map: {@code Cout x Ho x Wo}. */
    public ImageShape output() {
        return output;
    }

    @Override
    public String toString() {
        return "ConvTranspose2d(" + input + " -> " + output + ", " + window + ", " + core + ")";
    }
}
