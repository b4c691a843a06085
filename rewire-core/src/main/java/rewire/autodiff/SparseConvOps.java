package rewire.autodiff;

import java.util.Arrays;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.sparse.CsrMatrix;
import rewire.tensor.Tensor;

/**
 * A convolution with a sparse CSR kernel {@code W (Cout, Cin·k·k)} computed on the image itself,
 * without the patch matrix of {@link ConvOps#im2col}, for stride 1 (the direct sparse convolution
 * of the sparse ConvNet inference papers, in the layout of {@link ConvOps}).
 *
 * <p>The input is copied once into zero-bordered planes {@code xp (Cin, B, Hp, Wp)},
 * {@code Hp = H + 2p}, {@code Wp = W + 2p}. Output pixel {@code (oh, ow)} of kernel offset
 * {@code (i, j)} reads {@code xp} at {@code (oh + i)·Wp + ow + j}: in a plane whose rows are
 * {@code Wp} wide, one nonzero of the kernel adds one contiguous run of its input plane, shifted
 * by {@code i·Wp + j}, to the output plane {@code yw (Cout, B, Ho, Wp)}, which has the padded width
 * too. The run is {@code (Ho - 1)·Wp + Wo} long; the {@code Wp - Wo} columns of every output row
 * beyond {@code Wo} collect sums that wrap around a row and are dropped. So every pass is one
 * {@link KernelProvider#axpy} or {@link KernelProvider#dot} per nonzero and image:
 * <pre>
 * x   : (Cin, B·H·W)      xp : (Cin, B·Hp·Wp)       W : (Cout, Cin·k·k) CSR, column (c·k + i)·k + j
 * y   : (Cout, B·Ho·Wo)   yw : (Cout, B·Ho·Wp)      y = the first Wo columns of every row of yw, + b
 * forward      yw[o, b, s]          += W[o, e] · xp[c, b, s + i·Wp + j]     s < (Ho - 1)·Wp + Wo
 * input grad   dxp[c, b, s + i·Wp + j] += W[o, e] · dyw[o, b, s]            (dyw: dy, zero beyond Wo)
 * weight grad  dW[o, e]              += Σ_b Σ_s dyw[o, b, s] · xp[c, b, s + i·Wp + j]
 * </pre>
 * Work and memory are O(nnz · B·Ho·Wp) and O((Cin + Cout) · B·Hp·Wp): no {@code (Cin·k·k, B·Ho·Wo)}
 * patch matrix, which for a 5x5 kernel is 25 times the input. The forward and the input gradient
 * split the images into fixed chunks and the weight gradient splits the output channels, so every
 * sum runs in one order for any thread count. The wrapped columns cost {@code Wp / Wo} more
 * multiply-adds than the pixels need (18 / 14 for the small CNN's second layer).
 */
public final class SparseConvOps {
    // work per chunk: enough nonzeros times images that a task outweighs handing it to a thread
    private static final int IMAGES_PER_CHUNK = 8;
    private static final int CHANNELS_PER_CHUNK = 2;

    private SparseConvOps() {
    }

    /** Whether this op computes a convolution through {@code window}: stride 1. */
    public static boolean applies(Window window) {
        return window.stride() == 1;
    }

    /**
     * {@code y (Cout, B·Ho·Wo) = conv(x (Cin, B·H·W), W) + b} with a sparse CSR {@code W (Cout,
     * Cin·k·k)} and {@code b (Cout,)} or null.
     *
     * @throws IllegalArgumentException for a stride other than 1 or shapes that do not fit, naming them
     */
    public static Var conv2d(Tape tape, Var x, ImageShape in, Window window, Var w, Var b) {
        String op = "sparseConv2d";
        if (!applies(window)) {
            throw new IllegalArgumentException(op + " computes stride 1 only, got " + window);
        }
        CsrMatrix weight = Checks.requireSparse(op, "weight", w);
        int batch = ConvOps.batchOf(op, x, in);
        int k = window.size();
        if (weight.cols() != in.channels() * k * k) {
            throw new IllegalArgumentException(op + ": weight " + w.shape() + " needs " + in.channels() + "·" + k + "·"
                    + k + " columns for a " + window + " over " + in);
        }
        LinearOps.requireBias(op, weight.rows(), b);
        Planes g = new Planes(in, window, batch);
        int[] source = g.sources(weight);
        Kernels kernels = tape.kernels();
        float[] xp = g.padded(tape, x.value());
        Var y = tape.output(op, Tape.anyRequiresGrad(x, w, b), weight.rows(), batch * g.outPixels());
        float[] yw = g.outputPlanes(tape, weight.rows());
        shiftedRuns(kernels, weight, source, g, xp, yw, false);
        g.crop(yw, weight.rows(), b == null ? null : b.value().data(), y.value().data());
        tape.onBackward(y, () -> {
            float[] dyw = g.outputPlanes(tape, weight.rows());
            g.widen(y.grad().data(), weight.rows(), dyw);
            if (w.requiresGrad()) {
                weightGrad(kernels, weight, source, g, dyw, xp, tape.grad(w).data());
            }
            LinearOps.addBiasGrad(tape, b, y.grad());
            if (x.requiresGrad()) {
                float[] dxp = g.inputPlanes(tape);
                shiftedRuns(kernels, weight, source, g, dyw, dxp, true);
                Tape.GradTarget dx = tape.gradTarget(x);
                g.unpad(dxp, dx.tensor().data(), dx.accumulate());
            }
        });
        return y;
    }

    // for every nonzero and image, images in fixed chunks: forward adds the input plane's shifted run to the
    // output plane, yw[o, b] += W[o, e] · xp[c, b] shifted; the input gradient (toInput) the other way,
    // dxp[c, b] shifted += W[o, e] · dyw[o, b]
    private static void shiftedRuns(Kernels kernels, CsrMatrix w, int[] source, Planes g, float[] from, float[] to,
                                    boolean toInput) {
        KernelProvider p = kernels.provider();
        int[] rowPtr = w.pattern().rowPtr();
        float[] v = w.values();
        kernels.parallel().forRange(g.batch, IMAGES_PER_CHUNK, (first, last) -> {
            for (int b = first; b < last; b++) {
                for (int o = 0; o < w.rows(); o++) {
                    int out = g.outPlane(o, b);
                    for (int e = rowPtr[o]; e < rowPtr[o + 1]; e++) {
                        int in = g.inPlane(0, b) + source[e];
                        if (toInput) {
                            p.axpy(v[e], from, out, to, in, g.run);
                        } else {
                            p.axpy(v[e], from, in, to, out, g.run);
                        }
                    }
                }
            }
        });
    }

    // dW[e] += Σ_b dyw[o, b] · xp[c, b] shifted, output channels in fixed chunks, images in order
    private static void weightGrad(Kernels kernels, CsrMatrix w, int[] source, Planes g, float[] dyw, float[] xp,
                                   float[] dw) {
        KernelProvider p = kernels.provider();
        int[] rowPtr = w.pattern().rowPtr();
        kernels.parallel().forRange(w.rows(), CHANNELS_PER_CHUNK, (from, to) -> {
            for (int o = from; o < to; o++) {
                for (int e = rowPtr[o]; e < rowPtr[o + 1]; e++) {
                    float sum = 0;
                    for (int b = 0; b < g.batch; b++) {
                        sum += p.dot(dyw, g.outPlane(o, b), xp, g.inPlane(0, b) + source[e], g.run);
                    }
                    dw[e] += sum;
                }
            }
        });
    }

    /** The geometry of the padded input planes and the padded-width output planes. */
    private static final class Planes {
        final int channels;
        final int height;
        final int width;
        final int pad;
        final int k;
        final int batch;
        final int paddedWidth;
        final int inPlaneSize;      // Hp · Wp
        final int outHeight;
        final int outWidth;
        final int outPlaneSize;     // Ho · Wp
        final int run;              // (Ho - 1) · Wp + Wo

        Planes(ImageShape in, Window window, int batch) {
            ImageShape out = window.output(in);
            this.channels = in.channels();
            this.height = in.height();
            this.width = in.width();
            this.pad = window.padding();
            this.k = window.size();
            this.batch = batch;
            this.paddedWidth = width + 2 * pad;
            this.inPlaneSize = (height + 2 * pad) * paddedWidth;
            this.outHeight = out.height();
            this.outWidth = out.width();
            this.outPlaneSize = outHeight * paddedWidth;
            this.run = (outHeight - 1) * paddedWidth + outWidth;
        }

        int outPixels() {
            return outHeight * outWidth;
        }

        // start of input plane (c, b) in xp
        int inPlane(int c, int b) {
            return (c * batch + b) * inPlaneSize;
        }

        // start of output plane (o, b) in yw
        int outPlane(int o, int b) {
            return (o * batch + b) * outPlaneSize;
        }

        // per nonzero: the offset of its run in image 0's planes, c·B·Hp·Wp + i·Wp + j
        int[] sources(CsrMatrix w) {
            int[] colIdx = w.pattern().colIdx();
            int[] out = new int[colIdx.length];
            for (int e = 0; e < out.length; e++) {
                int col = colIdx[e];
                int c = col / (k * k);
                int i = col / k % k;
                int j = col % k;
                out[e] = inPlane(c, 0) + i * paddedWidth + j;
            }
            return out;
        }

        // xp: x's pixels inside zero borders
        float[] padded(Tape tape, Tensor x) {
            float[] xp = inputPlanes(tape);
            float[] src = x.data();
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < batch; b++) {
                    for (int h = 0; h < height; h++) {
                        System.arraycopy(src, ((c * batch + b) * height + h) * width, xp,
                                inPlane(c, b) + (h + pad) * paddedWidth + pad, width);
                    }
                }
            }
            return xp;
        }

        // zeroed input planes (Cin, B·Hp·Wp)
        float[] inputPlanes(Tape tape) {
            float[] planes = tape.scratch(channels, batch * inPlaneSize).data();
            Arrays.fill(planes, 0f);
            return planes;
        }

        // zeroed output planes (Cout, B·Ho·Wp)
        float[] outputPlanes(Tape tape, int outChannels) {
            float[] planes = tape.scratch(outChannels, batch * outPlaneSize).data();
            Arrays.fill(planes, 0f);
            return planes;
        }

        // y (Cout, B·Ho·Wo) = the first Wo columns of every row of yw, + bias
        void crop(float[] yw, int outChannels, float[] bias, float[] y) {
            for (int o = 0; o < outChannels; o++) {
                float add = bias == null ? 0f : bias[o];
                for (int b = 0; b < batch; b++) {
                    for (int oh = 0; oh < outHeight; oh++) {
                        int from = outPlane(o, b) + oh * paddedWidth;
                        int to = ((o * batch + b) * outHeight + oh) * outWidth;
                        for (int ow = 0; ow < outWidth; ow++) {
                            y[to + ow] = yw[from + ow] + add;
                        }
                    }
                }
            }
        }

        // dyw (zeroed): dy's rows in the first Wo columns of every row, the wrapped columns left at zero
        void widen(float[] dy, int outChannels, float[] dyw) {
            for (int o = 0; o < outChannels; o++) {
                for (int b = 0; b < batch; b++) {
                    for (int oh = 0; oh < outHeight; oh++) {
                        System.arraycopy(dy, ((o * batch + b) * outHeight + oh) * outWidth, dyw,
                                outPlane(o, b) + oh * paddedWidth, outWidth);
                    }
                }
            }
        }

        // dx (+)= the pixels of dxp inside the borders
        void unpad(float[] dxp, float[] dx, boolean accumulate) {
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < batch; b++) {
                    for (int h = 0; h < height; h++) {
                        int from = inPlane(c, b) + (h + pad) * paddedWidth + pad;
                        int to = ((c * batch + b) * height + h) * width;
                        if (accumulate) {
                            for (int t = 0; t < width; t++) {
                                dx[to + t] += dxp[from + t];
                            }
                        } else {
                            System.arraycopy(dxp, from, dx, to, width);
                        }
                    }
                }
            }
        }
    }
}
