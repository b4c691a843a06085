package rewire.autodiff;

/**
 * A square sliding window of a convolution or pooling: {@code size x size}, moved by
 * {@code stride} in both directions over an input padded with {@code padding} zeros on every
 * side. The output side is {@code (side + 2·padding - size) / stride + 1}; a transposed convolution
 * runs the window the other way, from {@code side} to {@code (side - 1)·stride - 2·padding + size}.
 */
public record Window(int size, int stride, int padding) {

    public Window {
        if (size < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("window needs size >= 1, stride >= 1, padding >= 0, got size "
                    + size + ", stride " + stride + ", padding " + padding);
        }
    }

    /** A window of this size moved by this stride, without padding. */
    public static Window of(int size, int stride) {
        return new Window(size, stride, 0);
    }

    /** The shape of the output map over {@code in}, keeping the channel count. */
    public ImageShape output(ImageShape in) {
        int h = in.height() + 2 * padding - size;
        int w = in.width() + 2 * padding - size;
        if (h < 0 || w < 0) {
            throw new IllegalArgumentException("window " + this + " does not fit input " + in);
        }
        return new ImageShape(in.channels(), h / stride + 1, w / stride + 1);
    }

    /**
     * The shape of a transposed convolution's output over {@code in}, keeping the channel count:
     * the largest map this window turns back into {@code in}, sides {@code (side - 1)·stride -
     * 2·padding + size}.
     */
    public ImageShape transposedOutput(ImageShape in) {
        int h = (in.height() - 1) * stride - 2 * padding + size;
        int w = (in.width() - 1) * stride - 2 * padding + size;
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("window " + this + " transposed over " + in + " leaves no output");
        }
        return new ImageShape(in.channels(), h, w);
    }
}
