package rewire.autodiff;

import rewire.tensor.Shape;
import rewire.tensor.Tensor;

/**
 * Convolution and pooling in the <em>convolution layout</em>: a batch of B images of shape
 * {@link ImageShape} {@code C x H x W} is the matrix {@code (C, B·H·W)}, channel-major, whose
 * columns are ordered {@code (b, h, w)}: pixel {@code (c, b, h, w)} sits at row {@code c},
 * column {@code (b·H + h)·W + w}. Each row is one channel over the whole batch, contiguous, which
 * is the feature-major layout of the linear ops with {@code B·H·W} in the place of the batch.
 *
 * <p>A convolution is {@link #im2col} followed by any linear op (dense, sparse or masked, see
 * {@link LinearOps}) and {@link LinearOps#addBias}:
 * <pre>
 * x    : (Cin, B·H·W)
 * cols : (Cin·k·k, B·Ho·Wo)     row (c·k + i)·k + j, column (b·Ho + oh)·Wo + ow
 *                               holds x[c, b, oh·s - p + i, ow·s - p + j] (0 in the padding)
 * W    : (Cout, Cin·k·k)        a sparse W is a sparse linear layer over the patch columns
 * y    : (Cout, B·Ho·Wo)        y = W · cols, again in the convolution layout
 * </pre>
 * A transposed convolution ({@link #convTranspose2d}) runs this backwards: a linear map of every
 * input pixel to a patch of the output, then {@link #col2im}, which adds the patches onto the
 * output map where they overlap:
 * <pre>
 * x    : (Cin, B·H·W)
 * cols : (Cout·k·k, B·H·W)      cols = Wᵀ · x,  W : (Cin, Cout·k·k), dense or sparse
 * y    : (Cout, B·Ho·Wo)        y = col2im(cols), Ho = (H - 1)·s - 2p + k
 * </pre>
 * {@link #flatten} turns a map into feature-major activations {@code (C·H·W, B)} for the dense
 * head of a network, with features in PyTorch's {@code (c, h, w)} order; {@link #unflatten}
 * goes back.
 */
public final class ConvOps {
    private ConvOps() {
    }

    /** Convolution {@code y (Cout, B·Ho·Wo) = W · im2col(x)}, dense or sparse {@code W (Cout, Cin·k·k)}. */
    public static Var conv2d(Tape tape, Var x, ImageShape in, Window window, Var w) {
        Var cols = im2col(tape, x, in, window);
        return w.isSparse() ? LinearOps.sparseLinear(tape, cols, w) : LinearOps.linear(tape, cols, w);
    }

    /**
     * The patch matrix {@code cols (Cin·k·k, B·Ho·Wo)} of {@code x (Cin, B·H·W)}; backward is
     * col2im, which adds each patch gradient back onto the pixels it was read from.
     */
    public static Var im2col(Tape tape, Var x, ImageShape in, Window window) {
        int batch = batchOf("im2col", x, in);
        ImageShape out = window.output(in);
        int k = window.size();
        Var cols = tape.output("im2col", x.requiresGrad(), in.channels() * k * k, batch * out.pixels());
        Patches patches = new Patches(in, out, window, batch);
        patches.transfer(x.value().data(), cols.value().data(), true);
        tape.onBackward(cols, () -> patches.transfer(tape.grad(x).data(), cols.grad().data(), false));
        return cols;
    }

    /**
     * The patch matrix {@code (Cin·k·k, B·Ho·Wo)} of {@code x (Cin, B·H·W)} outside any tape: what
     * gradient growth scores a convolution's dense weight gradient against when the convolution
     * itself ran without it ({@link SparseConvOps}).
     */
    public static Tensor im2col(Tensor x, ImageShape in, Window window) {
        int batch = x.cols() / in.pixels();
        ImageShape out = window.output(in);
        int k = window.size();
        Tensor cols = Tensor.zeros(in.channels() * k * k, batch * out.pixels());
        new Patches(in, out, window, batch).transfer(x.data(), cols.data(), true);
        return cols;
    }

    /**
     * Transposed convolution {@code y (Cout, B·Ho·Wo) = col2im(Wᵀ · x)} of {@code x (Cin, B·H·W)}
     * with a dense or sparse {@code W (Cin, Cout·k·k)}, {@code Ho = (H - 1)·s - 2p + k}: the
     * gradient of a convolution with respect to its input, used as a learned upsampling (DCGAN's
     * generator). {@code W} is PyTorch's {@code ConvTranspose2d} weight {@code (Cin, Cout, k, k)}
     * as a matrix: column {@code (c·k + i)·k + j} maps the input channels to output channel c at
     * kernel offset (i, j), the layout of {@link #im2col}'s rows. A sparse {@code W} runs in CSR
     * ({@link TransposedLinearOps#sparseLinear}); use {@link #col2im} after
     * {@link TransposedLinearOps#maskedLinear} for its dense-with-mask form.
     */
    public static Var convTranspose2d(Tape tape, Var x, ImageShape in, Window window, Var w) {
        batchOf("convTranspose2d", x, in);
        int cols = w.isSparse() ? w.csr().cols() : w.value().cols();
        int k = window.size();
        if (cols % (k * k) != 0) {
            throw new IllegalArgumentException("convTranspose2d: weight " + w + " needs (Cin, Cout·" + k + "·" + k
                    + ") columns for a " + k + "x" + k + " window, got " + cols);
        }
        Var patches = w.isSparse() ? TransposedLinearOps.sparseLinear(tape, x, w) : TransposedLinearOps.linear(tape, x, w);
        return col2im(tape, patches, window.transposedOutput(in).withChannels(cols / (k * k)), window);
    }

    /**
     * Adds the patches of {@code cols (C·k·k, B·Hi·Wi)}, one column per window position of
     * {@code window} over {@code out (C x Ho x Wo)} ({@code Hi x Wi = window.output(out)}), onto
     * {@code y (C, B·Ho·Wo)}, which starts at zero: the adjoint of {@link #im2col}, whose forward
     * it is in a transposed convolution. Backward is im2col of {@code dy}.
     */
    public static Var col2im(Tape tape, Var cols, ImageShape out, Window window) {
        Checks.requireMatrix("col2im", "patches", cols);
        ImageShape positions = window.output(out);
        int k = window.size();
        int patchRows = out.channels() * k * k;
        if (cols.value().rows() != patchRows || cols.value().cols() % positions.pixels() != 0) {
            throw new IllegalArgumentException("col2im: patches " + cols.shape() + " need " + patchRows + " rows and a"
                    + " multiple of " + positions.pixels() + " columns for a " + window + " over " + out);
        }
        int batch = cols.value().cols() / positions.pixels();
        Var y = tape.output("col2im", cols.requiresGrad(), out.channels(), batch * out.pixels());
        y.value().fill(0f);
        Patches patches = new Patches(out, positions, window, batch);
        patches.transfer(y.value().data(), cols.value().data(), false);
        tape.onBackward(y, () -> {
            // dcols (+)= im2col(dy); im2col writes every element
            Tape.GradTarget target = tape.gradTarget(cols);
            if (!target.accumulate()) {
                patches.transfer(y.grad().data(), target.tensor().data(), true);
                return;
            }
            float[] fresh = tape.scratch(cols.shape()).data();
            patches.transfer(y.grad().data(), fresh, true);
            float[] dcols = target.tensor().data();
            for (int i = 0; i < dcols.length; i++) {
                dcols[i] += fresh[i];
            }
        });
        return y;
    }

    /**
     * Max pooling {@code (C, B·H·W) -> (C, B·Ho·Wo)} without padding; the gradient goes to the
     * first maximum of each window.
     */
    public static Var maxPool2d(Tape tape, Var x, ImageShape in, Window window) {
        Pooling pool = Pooling.of("maxPool2d", x, in, window);
        Var y = tape.output("maxPool2d", x.requiresGrad(), in.channels(), pool.outColumns());
        int[] argmax = tape.scratchInts(y.value().size());
        pool.max(tape.kernels(), x.value().data(), y.value().data(), argmax);
        tape.onBackward(y, () -> {
            Tape.GradTarget dx = tape.gradTarget(x);
            pool.maxBackward(tape.kernels(), y.grad().data(), argmax, dx.tensor().data(), dx.accumulate());
        });
        return y;
    }

    /** Average pooling {@code (C, B·H·W) -> (C, B·Ho·Wo)} without padding. */
    public static Var avgPool2d(Tape tape, Var x, ImageShape in, Window window) {
        Pooling pool = Pooling.of("avgPool2d", x, in, window);
        Var y = tape.output("avgPool2d", x.requiresGrad(), in.channels(), pool.outColumns());
        pool.average(x.value().data(), y.value().data());
        tape.onBackward(y, () -> pool.averageBackward(y.grad().data(), tape.grad(x).data()));
        return y;
    }

    /** {@code x (C, B·H·W)} in the convolution layout to {@code y (C·H·W, B)} feature-major. */
    public static Var flatten(Tape tape, Var x, ImageShape in) {
        int batch = batchOf("flatten", x, in);
        Var y = tape.output("flatten", x.requiresGrad(), in.features(), batch);
        y.value().fill(0f);
        permuteAdd(x.value().data(), y.value().data(), in, batch, true);
        tape.onBackward(y, () -> permuteAdd(tape.grad(x).data(), y.grad().data(), in, batch, false));
        return y;
    }

    /** {@code x (C·H·W, B)} feature-major to {@code y (C, B·H·W)} in the convolution layout. */
    public static Var unflatten(Tape tape, Var x, ImageShape out) {
        Checks.requireMatrix("unflatten", "input", x);
        if (x.value().rows() != out.features()) {
            throw new IllegalArgumentException("unflatten: input " + x.shape() + " needs " + out.features()
                    + " rows for images " + out);
        }
        int batch = x.value().cols();
        Var y = tape.output("unflatten", x.requiresGrad(), Shape.of(out.channels(), batch * out.pixels()));
        y.value().fill(0f);
        permuteAdd(y.value().data(), x.value().data(), out, batch, false);
        tape.onBackward(y, () -> permuteAdd(y.grad().data(), tape.grad(x).data(), out, batch, true));
        return y;
    }

    /**
     * Adds between {@code map (C, B·HW)} and {@code flat (C·HW, B)}, where {@code flat[c·HW + s, b]}
     * is {@code map[c, b·HW + s]}: into flat when {@code toFlat}, otherwise into map.
     */
    private static void permuteAdd(float[] map, float[] flat, ImageShape image, int batch, boolean toFlat) {
        int hw = image.pixels();
        for (int c = 0; c < image.channels(); c++) {
            for (int b = 0; b < batch; b++) {
                int m = (c * batch + b) * hw;
                for (int s = 0; s < hw; s++) {
                    int f = (c * hw + s) * batch + b;
                    if (toFlat) {
                        flat[f] += map[m + s];
                    } else {
                        map[m + s] += flat[f];
                    }
                }
            }
        }
    }

    /** The batch size of {@code x (C, B·H·W)}, after checking the layout. */
    static int batchOf(String op, Var x, ImageShape in) {
        Checks.requireMatrix(op, "input", x);
        int rows = x.value().rows();
        int cols = x.value().cols();
        if (rows != in.channels() || cols % in.pixels() != 0) {
            throw new IllegalArgumentException(op + ": input " + x.shape() + " is not in the convolution layout (C, B·H·W)"
                    + " of images " + in);
        }
        return cols / in.pixels();
    }
}
