package rewire.autodiff;

/**
 * The shape of one image (or feature map) of a batch: channels, height, width. A batch of B
 * images is held in the convolution layout {@code (C, B·H·W)} (see {@link ConvOps}).
 */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape needs positive sizes, got channels " + channels
                    + ", height " + height + ", width " + width);
        }
    }

    /** Pixels per channel: {@code H·W}. */
    public int pixels() {
        return height * width;
    }

    /** Features per image once flattened: {@code C·H·W}. */
    public int features() {
        return channels * height * width;
    }

    /** The same spatial size with another number of channels. */
    public ImageShape withChannels(int c) {
        return new ImageShape(c, height, width);
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
