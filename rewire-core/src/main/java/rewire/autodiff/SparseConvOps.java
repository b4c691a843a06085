package rewire.autodiff;

import java.util.Arrays;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.kernel.Parallel;
import rewire.sparse.CsrMatrix;

/**
 * A convolution with a sparse CSR kernel {@code W (Cout, Cin·k·k)} computed on the image itself,
 * without the patch matrix of {@link ConvOps#im2col}, for stride 1 (the direct sparse convolution
 * of the sparse ConvNet inference papers, in the layout of {@link ConvOps}).
 *
 * <p>The input is copied once into zero-bordered planes {@code xp (Cin, B, Hp·Wp)},
 * {@code Hp = H + 2p}, {@code Wp = W + 2p}. Output pixel {@code (oh, ow)} of kernel offset
 * {@code (i, j)} reads {@code xp} at {@code (oh + i)·Wp + ow + j}: in planes whose rows are
 * {@code Wp} wide, an output plane is the sum, over its kernel row's nonzeros, of contiguous runs
 * of the input planes shifted by {@code i·Wp + j}. The output planes {@code yw (Cout, B, Ho·Wp)}
 * have the padded width too; the {@code Wp - Wo} columns of every row beyond {@code Wo} collect
 * sums that wrap around a row and are dropped. The gradient planes {@code dyw (Cout, B, P)} hold
 * dy's rows at the same width behind a zero margin {@code M}, with zeros in the wrapped columns and
 * after the last row, so the input gradient is again a sum of shifted runs (of dyw, shifted the
 * other way) and the weight gradient a dot product of runs:
 * <pre>
 * x   : (Cin, B·H·W)      xp  : (Cin, B·Hp·Wp)     W : (Cout, Cin·k·k) CSR, column (c·k + i)·k + j
 * y   : (Cout, B·Ho·Wo)   yw  : (Cout, B·Ho·Wp)    y = the first Wo columns of every row of yw, + b
 * dy  : (Cout, B·Ho·Wo)   dyw : (Cout, B·P)        dy's rows at M + oh·Wp, zero elsewhere
 * dx  : (Cin, B·H·W)      dxw : (Cin, B·H·Wp)      dx = the first W columns of every row of dxw
 * forward      yw[o, b, s]  = Σ_{e in row o}     W[o, e] · xp[c, b, s + i·Wp + j]          s < (Ho - 1)·Wp + Wo
 * input grad   dxw[c, b, u] = Σ_{e in channel c} W[o, e] · dyw[o, b, M + p·(Wp + 1) + u - i·Wp - j]   u < (H - 1)·Wp + W
 * weight grad  dW[o, e]     = Σ_b Σ_s dyw[o, b, M + s] · xp[c, b, s + i·Wp + j]
 * </pre>
 * Each is one {@link KernelProvider#shiftedSums} per plane or {@link KernelProvider#shiftedDots}
 * per kernel row: the kernels hold the partial sums in registers across the nonzeros, so no
 * output plane is read and written once per nonzero, and no scratch plane is cleared (every
 * element is written once). Work and memory are O(nnz · B·Ho·Wp) and O((Cin + Cout) · B·Hp·Wp):
 * no {@code (Cin·k·k, B·Ho·Wo)} patch matrix, which for a 5x5 kernel is 25 times the input. The
 * forward and the input gradient split the images into fixed chunks and the weight gradient
 * splits the output channels, so every sum runs in one order for any thread count. The wrapped
 * columns cost {@code Wp / Wo} more multiply-adds than the pixels need (18 / 14 for the small
 * CNN's second layer).
 */
public final class SparseConvOps {
    // work per chunk: enough nonzeros times images that a task outweighs handing it to a thread
    private static final int IMAGES_PER_CHUNK = 8;
    private static final int CHANNELS_PER_CHUNK = 2;
    // planes per task of the copies into and out of the padded layouts
    private static final int PLANES_PER_CHUNK = 32;

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
        Planes g = new Planes(in, window, batch, weight.rows());
        int[] source = g.sources(weight);
        Kernels kernels = tape.kernels();
        float[] xp = g.padded(tape, kernels.parallel(), x.value().data());
        Var y = tape.output(op, Tape.anyRequiresGrad(x, w, b), weight.rows(), batch * g.outPixels());
        float[] yw = tape.scratch(weight.rows(), batch * g.outPlaneSize).data();
        forward(kernels, weight, source, g, xp, yw);
        g.narrow(kernels.parallel(), yw, weight.rows(), g.outPlaneSize, g.outHeight, g.outWidth, b == null ? null : b.value().data(),
                y.value().data(), false);
        tape.onBackward(y, () -> {
            float[] dyw = g.gradientPlanes(tape, kernels.parallel(), y.grad().data());
            if (w.requiresGrad()) {
                weightGrad(kernels, weight, source, g, dyw, xp, tape.grad(w).data());
            }
            LinearOps.addBiasGrad(tape, b, y.grad());
            if (x.requiresGrad()) {
                float[] dxw = tape.scratch(g.channels, batch * g.inWidePlaneSize).data();
                inputGrad(kernels, weight, g, dyw, dxw);
                Tape.GradTarget dx = tape.gradTarget(x);
                g.narrow(kernels.parallel(), dxw, g.channels, g.inWidePlaneSize, g.height, g.width, null, dx.tensor().data(),
                        dx.accumulate());
            }
        });
        return y;
    }

    // yw[o, b] = Σ_{e in row o} W[o, e] · xp[c, b] shifted, images in fixed chunks
    private static void forward(Kernels kernels, CsrMatrix w, int[] source, Planes g, float[] xp, float[] yw) {
        KernelProvider p = kernels.provider();
        int[] rowPtr = w.pattern().rowPtr();
        float[] v = w.values();
        kernels.parallel().forRange(g.batch, IMAGES_PER_CHUNK, (first, last) -> {
            for (int b = first; b < last; b++) {
                for (int o = 0; o < w.rows(); o++) {
                    p.shiftedSums(v, source, rowPtr[o], rowPtr[o + 1], xp, g.inPlane(0, b), yw,
                            (o * g.batch + b) * g.outPlaneSize, g.outRun);
                }
            }
        });
    }

    // dxw[c, b] = Σ_{e in channel c} W[o, e] · dyw[o, b] shifted back, images in fixed chunks
    private static void inputGrad(Kernels kernels, CsrMatrix w, Planes g, float[] dyw, float[] dxw) {
        KernelProvider p = kernels.provider();
        ByChannel t = g.byInputChannel(w);
        kernels.parallel().forRange(g.batch, IMAGES_PER_CHUNK, (first, last) -> {
            for (int b = first; b < last; b++) {
                for (int c = 0; c < g.channels; c++) {
                    p.shiftedSums(t.values, t.offsets, t.channelPtr[c], t.channelPtr[c + 1], dyw, b * g.gradPlaneSize,
                            dxw, (c * g.batch + b) * g.inWidePlaneSize, g.inRun);
                }
            }
        });
    }

    // dW[e] += Σ_b dyw[o, b] · xp[c, b] shifted, output channels in fixed chunks
    private static void weightGrad(Kernels kernels, CsrMatrix w, int[] source, Planes g, float[] dyw, float[] xp,
                                   float[] dw) {
        KernelProvider p = kernels.provider();
        int[] rowPtr = w.pattern().rowPtr();
        kernels.parallel().forRange(w.rows(), CHANNELS_PER_CHUNK, (from, to) -> {
            for (int o = from; o < to; o++) {
                p.shiftedDots(dyw, g.gradPlane(o, 0) + g.gradMargin, g.gradPlaneSize, xp, 0, g.inPlaneSize, g.batch,
                        source, rowPtr[o], rowPtr[o + 1], g.outRun, dw);
            }
        });
    }

    /** The kernel's nonzeros grouped by input channel: values and their shifts into dyw for the input gradient. */
    private record ByChannel(int[] channelPtr, float[] values, int[] offsets) {
    }

    /** The geometry of the padded input planes, the padded-width output planes and the gradient planes. */
    private static final class Planes {
        final int channels;
        final int height;
        final int width;
        final int pad;
        final int k;
        final int batch;
        final int outChannels;
        final int paddedWidth;      // Wp
        final int inPlaneSize;      // Hp · Wp
        final int inWidePlaneSize;  // H · Wp
        final int inRun;            // (H - 1) · Wp + W
        final int outHeight;
        final int outWidth;
        final int outPlaneSize;     // Ho · Wp
        final int outRun;           // (Ho - 1) · Wp + Wo
        final int gradMargin;       // M: zeros before dy's rows, for the shifts back of the input gradient
        final int gradPlaneSize;    // P

        Planes(ImageShape in, Window window, int batch, int outChannels) {
            ImageShape out = window.output(in);
            this.channels = in.channels();
            this.height = in.height();
            this.width = in.width();
            this.pad = window.padding();
            this.k = window.size();
            this.batch = batch;
            this.outChannels = outChannels;
            this.paddedWidth = width + 2 * pad;
            this.inPlaneSize = (height + 2 * pad) * paddedWidth;
            this.inWidePlaneSize = height * paddedWidth;
            this.inRun = (height - 1) * paddedWidth + width;
            this.outHeight = out.height();
            this.outWidth = out.width();
            this.outPlaneSize = outHeight * paddedWidth;
            this.outRun = (outHeight - 1) * paddedWidth + outWidth;
            // the input gradient reads dyw from M + p·(Wp + 1) - (k - 1)·(Wp + 1) (i = j = k - 1) on
            this.gradMargin = Math.max(0, (k - 1 - pad) * (paddedWidth + 1));
            this.gradPlaneSize = gradMargin + Math.max(outPlaneSize, pad * (paddedWidth + 1) + inRun);
        }

        int outPixels() {
            return outHeight * outWidth;
        }

        // start of input plane (c, b) in xp
        int inPlane(int c, int b) {
            return (c * batch + b) * inPlaneSize;
        }

        // start of gradient plane (o, b) in dyw
        int gradPlane(int o, int b) {
            return (o * batch + b) * gradPlaneSize;
        }

        // per nonzero: the offset of its run in image 0's planes, c·B·Hp·Wp + i·Wp + j
        int[] sources(CsrMatrix w) {
            int[] colIdx = w.pattern().colIdx();
            int[] out = new int[colIdx.length];
            for (int e = 0; e < out.length; e++) {
                int col = colIdx[e];
                out[e] = inPlane(col / (k * k), 0) + shift(col);
            }
            return out;
        }

        // i·Wp + j of kernel column (c·k + i)·k + j
        private int shift(int col) {
            return col / k % k * paddedWidth + col % k;
        }

        // the nonzeros by input channel (kernel rows in order within one), each with its run's
        // offset in image 0's gradient planes, o·B·P + M + p·(Wp + 1) - i·Wp - j
        ByChannel byInputChannel(CsrMatrix w) {
            int[] rowPtr = w.pattern().rowPtr();
            int[] colIdx = w.pattern().colIdx();
            int[] channelPtr = new int[channels + 1];
            for (int e = 0; e < colIdx.length; e++) {
                channelPtr[colIdx[e] / (k * k) + 1]++;
            }
            for (int c = 0; c < channels; c++) {
                channelPtr[c + 1] += channelPtr[c];
            }
            int[] next = Arrays.copyOf(channelPtr, channels);
            float[] values = new float[colIdx.length];
            int[] offsets = new int[colIdx.length];
            for (int o = 0; o < w.rows(); o++) {
                for (int e = rowPtr[o]; e < rowPtr[o + 1]; e++) {
                    int slot = next[colIdx[e] / (k * k)]++;
                    values[slot] = w.values()[e];
                    offsets[slot] = gradPlane(o, 0) + gradMargin + pad * (paddedWidth + 1) - shift(colIdx[e]);
                }
            }
            return new ByChannel(channelPtr, values, offsets);
        }

        // xp (Cin, B·Hp·Wp): x's pixels inside zero borders, every element written
        float[] padded(Tape tape, Parallel parallel, float[] x) {
            float[] xp = tape.scratch(channels, batch * inPlaneSize).data();
            parallel.forRange(channels * batch, PLANES_PER_CHUNK, (first, last) -> {
                for (int plane = first; plane < last; plane++) {
                    int at = plane * inPlaneSize;
                    Arrays.fill(xp, at, at + pad * paddedWidth + pad, 0f);
                    for (int h = 0; h < height; h++) {
                        int row = at + (h + pad) * paddedWidth + pad;
                        System.arraycopy(x, (plane * height + h) * width, xp, row, width);
                        // the right border of this row and the left border of the next
                        Arrays.fill(xp, row + width, row + width + 2 * pad, 0f);
                    }
                    Arrays.fill(xp, at + (height + pad) * paddedWidth + pad, at + inPlaneSize, 0f);
                }
            });
            return xp;
        }

        // dyw (Cout, B·P): dy's rows at M + oh·Wp, zeros in the margin, the wrapped columns and after the last row
        float[] gradientPlanes(Tape tape, Parallel parallel, float[] dy) {
            float[] dyw = tape.scratch(outChannels, batch * gradPlaneSize).data();
            parallel.forRange(outChannels * batch, PLANES_PER_CHUNK, (first, last) -> {
                for (int plane = first; plane < last; plane++) {
                    int at = plane * gradPlaneSize;
                    Arrays.fill(dyw, at, at + gradMargin, 0f);
                    for (int oh = 0; oh < outHeight; oh++) {
                        int row = at + gradMargin + oh * paddedWidth;
                        System.arraycopy(dy, (plane * outHeight + oh) * outWidth, dyw, row, outWidth);
                        Arrays.fill(dyw, row + outWidth, row + paddedWidth, 0f);
                    }
                    Arrays.fill(dyw, at + gradMargin + outPlaneSize, at + gradPlaneSize, 0f);
                }
            });
            return dyw;
        }

        // out (planes, rows·cols) (+)= the first cols of every row of wide (planes, P), rows Wp apart, + bias[plane / B]
        void narrow(Parallel parallel, float[] wide, int channelsOfPlanes, int planeSize, int rows, int cols,
                    float[] bias, float[] out, boolean accumulate) {
            parallel.forRange(channelsOfPlanes * batch, PLANES_PER_CHUNK, (first, last) -> {
                for (int plane = first; plane < last; plane++) {
                    float add = bias == null ? 0f : bias[plane / batch];
                    for (int r = 0; r < rows; r++) {
                        int from = plane * planeSize + r * paddedWidth;
                        int to = (plane * rows + r) * cols;
                        if (accumulate) {
                            for (int c = 0; c < cols; c++) {
                                out[to + c] += wide[from + c] + add;
                            }
                        } else {
                            for (int c = 0; c < cols; c++) {
                                out[to + c] = wide[from + c] + add;
                            }
                        }
                    }
                }
            });
        }
    }
}
