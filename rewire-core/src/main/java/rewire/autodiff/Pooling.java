package rewire.autodiff;

import java.util.Arrays;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;

/**
 * The window loops of max and average pooling from {@code (C, B·H·W)} to {@code (C, B·Ho·Wo)}
 * (layouts in {@link ConvOps}). Pooling windows take no padding.
 */
final class Pooling {
    // planes per task of the 2x2 kernel: a 28 x 28 plane is some 200 windows
    private static final int PLANES_PER_CHUNK = 16;

    private final ImageShape in;
    private final ImageShape out;
    private final Window window;
    private final int batch;

    private Pooling(ImageShape in, Window window, int batch) {
        this.in = in;
        this.out = window.output(in);
        this.window = window;
        this.batch = batch;
    }

    static Pooling of(String op, Var x, ImageShape in, Window window) {
        if (window.padding() != 0) {
            throw new IllegalArgumentException(op + ": pooling takes no padding, got window " + window);
        }
        return new Pooling(in, window, ConvOps.batchOf(op, x, in));
    }

    int outColumns() {
        return batch * out.pixels();
    }

    /**
     * {@code y[o] = max} over the window of output {@code o} ({@link Math#max}: NaN wins,
     * {@code +0.0} over {@code -0.0}); {@code argmax[o]} = index into x of the first element equal
     * to it in row-major order (the last when the maximum is NaN). 2x2 windows with stride 2, the
     * classifiers' pooling, go to {@link KernelProvider#maxPool2x2} with the same rule, planes split
     * over the threads; other windows are scanned here.
     */
    void max(Kernels kernels, float[] x, float[] y, int[] argmax) {
        int planes = in.channels() * batch;
        if (window.size() == 2 && window.stride() == 2) {
            KernelProvider p = kernels.provider();
            kernels.parallel().forRange(planes, PLANES_PER_CHUNK,
                    (from, to) -> p.maxPool2x2(x, in.height(), in.width(), y, argmax, from, to));
            return;
        }
        int k = window.size();
        for (int plane = 0; plane < planes; plane++) {
            for (int r = 0; r < out.height(); r++) {
                for (int c = 0; c < out.width(); c++) {
                    int first = topLeft(plane, r, c);
                    float max = x[first];
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            max = Math.max(max, x[first + i * in.width() + j]);
                        }
                    }
                    int o = (plane * out.height() + r) * out.width() + c;
                    y[o] = max;
                    argmax[o] = firstEqual(x, first, max);
                }
            }
        }
    }

    /**
     * {@code dx[argmax[o]] (+)= dy[o]}, every other element of an overwritten {@code dx} zero. When
     * the windows tile the input (stride = size, sides divisible by it), each row of windows is
     * zeroed just before its maxima are written (planes split over the threads): one pass over
     * {@code dx} while it is in cache, not a fill of the whole gradient and then a scatter.
     */
    void maxBackward(Kernels kernels, float[] dy, int[] argmax, float[] dx, boolean accumulate) {
        int k = window.size();
        boolean tiles = window.stride() == k && in.height() % k == 0 && in.width() % k == 0;
        if (!accumulate && tiles) {
            kernels.parallel().forRange(in.channels() * batch, PLANES_PER_CHUNK, (first, last) -> {
                for (int plane = first; plane < last; plane++) {
                    for (int r = 0; r < out.height(); r++) {
                        int rows = (plane * in.height() + r * k) * in.width();   // the k input rows of output row r
                        Arrays.fill(dx, rows, rows + k * in.width(), 0f);
                        int o = (plane * out.height() + r) * out.width();
                        for (int c = 0; c < out.width(); c++) {
                            dx[argmax[o + c]] = dy[o + c];
                        }
                    }
                }
            });
            return;
        }
        if (!accumulate) {
            Arrays.fill(dx, 0f);
        }
        for (int o = 0; o < dy.length; o++) {
            dx[argmax[o]] += dy[o];
        }
    }

    // index of the first element of the window at first equal to max, row-major; the last if none is (NaN)
    private int firstEqual(float[] x, int first, float max) {
        int k = window.size();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int p = first + i * in.width() + j;
                if (x[p] == max) {
                    return p;
                }
            }
        }
        return first + (k - 1) * in.width() + k - 1;
    }

    /** {@code y[o]} = mean over the window of output {@code o}. */
    void average(float[] x, float[] y) {
        int k = window.size();
        float scale = 1f / (k * k);
        for (int plane = 0; plane < in.channels() * batch; plane++) {
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++) {
                    double sum = 0;
                    for (int i = 0; i < k; i++) {
                        int row = topLeft(plane, oh, ow) + i * in.width();
                        for (int j = 0; j < k; j++) {
                            sum += x[row + j];
                        }
                    }
                    y[(plane * out.height() + oh) * out.width() + ow] = (float) sum * scale;
                }
            }
        }
    }

    /** {@code dx += dy[o] / k²} over the window of every output {@code o}. */
    void averageBackward(float[] dy, float[] dx) {
        int k = window.size();
        float scale = 1f / (k * k);
        for (int plane = 0; plane < in.channels() * batch; plane++) {
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++) {
                    float g = dy[(plane * out.height() + oh) * out.width() + ow] * scale;
                    for (int i = 0; i < k; i++) {
                        int row = topLeft(plane, oh, ow) + i * in.width();
                        for (int j = 0; j < k; j++) {
                            dx[row + j] += g;
                        }
                    }
                }
            }
        }
    }

    // Index into x of the window's top-left pixel; a plane is one (channel, image) pair, c·B + b.
    private int topLeft(int plane, int oh, int ow) {
        return (plane * in.height() + oh * window.stride()) * in.width() + ow * window.stride();
    }
}
