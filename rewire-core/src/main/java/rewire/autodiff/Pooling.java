package rewire.autodiff;

/**
 * The window loops of max and average pooling from {@code (C, B·H·W)} to {@code (C, B·Ho·Wo)}
 * (layouts in {@link ConvOps}). Pooling windows take no padding.
 */
final class Pooling {
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

    /** {@code y[o] = max} over the window of output {@code o}; {@code argmax[o]} = index into x of the first maximum. */
    void max(float[] x, float[] y, int[] argmax) {
        int k = window.size();
        for (int plane = 0; plane < in.channels() * batch; plane++) {
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++) {
                    int o = (plane * out.height() + oh) * out.width() + ow;
                    int best = topLeft(plane, oh, ow);
                    for (int i = 0; i < k; i++) {
                        int row = topLeft(plane, oh, ow) + i * in.width();
                        for (int j = 0; j < k; j++) {
                            if (x[row + j] > x[best]) {
                                best = row + j;
                            }
                        }
                    }
                    y[o] = x[best];
                    argmax[o] = best;
                }
            }
        }
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
