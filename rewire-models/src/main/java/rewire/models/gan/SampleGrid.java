package rewire.models.gan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import rewire.autodiff.ImageShape;
import rewire.tensor.Tensor;

/**
 * A grid of generated images as a PNG: {@code side x side} images of a batch in the convolution
 * layout {@code (C, B·H·W)} with pixels in [-1, 1] (the generator's tanh), one pixel of gap
 * between them, grey for one channel and RGB for three.
 */
final class SampleGrid {
    private static final int GAP = 1;

    private SampleGrid() {
    }

    /** The PNG of the first {@code side²} images of {@code maps}. */
    static byte[] png(Tensor maps, ImageShape image, int side) {
        int count = maps.cols() / image.pixels();
        if (count < side * side) {
            throw new IllegalArgumentException("a " + side + "x" + side + " grid needs " + side * side + " images, got "
                    + count);
        }
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException("a sample grid shows grey or RGB images, got " + image);
        }
        int h = image.height();
        int w = image.width();
        int size = side * (h + GAP) + GAP;
        int type = image.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage grid = new BufferedImage(side * (w + GAP) + GAP, size, type);
        for (int b = 0; b < side * side; b++) {
            int top = GAP + (b / side) * (h + GAP);
            int left = GAP + (b % side) * (w + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grid.setRGB(left + x, top + y, rgb(maps, count, image, b, y * w + x));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(grid, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a sample grid as PNG", e);
        }
        return out.toByteArray();
    }

    // the 0xRRGGBB colour of pixel s of image b: a grey level for one channel
    private static int rgb(Tensor maps, int count, ImageShape image, int b, int s) {
        int hw = image.pixels();
        int r = level(maps.data()[b * hw + s]);
        if (image.channels() == 1) {
            return (r << 16) | (r << 8) | r;
        }
        int g = level(maps.data()[(count + b) * hw + s]);
        int bl = level(maps.data()[(2 * count + b) * hw + s]);
        return (r << 16) | (g << 8) | bl;
    }

    // [-1, 1] to [0, 255], clamped
    private static int level(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1) * 127.5f)));
    }
}
