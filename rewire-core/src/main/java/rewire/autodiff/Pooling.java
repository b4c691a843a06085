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

    /**
     * {@code y[o] = max} over the window of output {@code o}; {@code argmax[o]} = index into x of the
     * first maximum.
     *
     * <p>Which element of a window wins is a coin flip on real activations, so a branch per
     * comparison mispredicts half the time, and C2 compiles float selects to branches: the loop ran
     * at some 20 ns per output. The choice is made with integer arithmetic instead:
     * {@code x[p] > x[best]} exactly when {@code x[best] - x[p]} is negative (a difference of floats
     * is zero only for equal floats), so its sign bit, spread over an int, selects {@code p} or
     * {@code best} without a branch (3x faster on 2x2 windows). A tie keeps the earlier element, as
     * the comparison would. The exceptions: two infinities of the same sign (whose difference is
     * NaN) and NaN inputs, where the index may differ from the comparison's but not the value of a
     * finite maximum; and {@code -0.0} before {@code +0.0}, where the later zero wins (its
     * difference is {@code -0.0}). A ReLU in front, as in the classifiers here, writes only
     * {@code +0.0}.
     */
    void max(float[] x, float[] y, int[] argmax) {
        int k = window.size();
        int stride = window.stride();
        int w = in.width();
        int oh = out.height();
        int ow = out.width();
        for (int plane = 0; plane < in.channels() * batch; plane++) {
            for (int r = 0; r < oh; r++) {
                int o = (plane * oh + r) * ow;
                int rowStart = (plane * in.height() + r * stride) * w;
                for (int c = 0; c < ow; c++) {
                    int first = rowStart + c * stride;
                    int best = k == 2 ? bestOfTwoByTwo(x, first, w) : bestOfWindow(x, first, w, k);
                    y[o + c] = x[best];
                    argmax[o + c] = best;
                }
            }
        }
    }

    // the first maximum of the 2x2 window at p: each row's pair, then the two winners
    private static int bestOfTwoByTwo(float[] x, int p, int w) {
        int top = p + later(x[p], x[p + 1]);
        int bottom = p + w + later(x[p + w], x[p + w + 1]);
        int bottomWins = -later(x[top], x[bottom]);   // -1 or 0
        return (bottom & bottomWins) | (top & ~bottomWins);
    }

    // the first maximum of the k x k window at first, scanned in row-major order
    private static int bestOfWindow(float[] x, int first, int w, int k) {
        int best = first;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int p = first + i * w + j;
                int wins = -later(x[best], x[p]);
                best = (p & wins) | (best & ~wins);
            }
        }
        return best;
    }

    // 1 when b > a, else 0: the sign bit of a - b
    private static int later(float a, float b) {
        return Float.floatToRawIntBits(a - b) >>> 31;
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
