package rewire.models.gan;

import rewire.autodiff.ImageShape;
import rewire.tensor.Tensor;

/**
 * Moves batches of images between the two layouts: feature-major {@code (C·H·W, B)} (a
 * {@link rewire.data.Batcher}'s batches, a classifier's input) and the convolution layout
 * {@code (C, B·H·W)} of the GAN's networks; and between pixel ranges.
 */
final class Images {
    private Images() {
    }

    /** {@code fm (C·H·W, B)} to {@code maps (C, B·H·W)}, written into {@code maps} from column {@code offset·H·W}. */
    static void toMaps(Tensor fm, ImageShape image, Tensor maps, int offset) {
        int hw = image.pixels();
        int batch = fm.cols();
        int total = maps.cols() / hw;
        float[] src = fm.data();
        float[] dst = maps.data();
        for (int c = 0; c < image.channels(); c++) {
            for (int b = 0; b < batch; b++) {
                int to = (c * total + offset + b) * hw;
                for (int s = 0; s < hw; s++) {
                    dst[to + s] = src[(c * hw + s) * batch + b];
                }
            }
        }
    }

    /** {@code maps (C, B·H·W)} to feature-major {@code (C·H·W, B)}. */
    static Tensor toFeatureMajor(Tensor maps, ImageShape image) {
        int hw = image.pixels();
        int batch = maps.cols() / hw;
        Tensor fm = Tensor.zeros(image.features(), batch);
        float[] src = maps.data();
        float[] dst = fm.data();
        for (int c = 0; c < image.channels(); c++) {
            for (int b = 0; b < batch; b++) {
                int from = (c * batch + b) * hw;
                for (int s = 0; s < hw; s++) {
                    dst[(c * hw + s) * batch + b] = src[from + s];
                }
            }
        }
        return fm;
    }

    /** Copies {@code maps (C, B·H·W)} into {@code dst (C, N·H·W)} as its images {@code offset .. offset + B}. */
    static void copyMaps(Tensor maps, ImageShape image, Tensor dst, int offset) {
        int hw = image.pixels();
        int batch = maps.cols() / hw;
        int total = dst.cols() / hw;
        for (int c = 0; c < image.channels(); c++) {
            System.arraycopy(maps.data(), c * batch * hw, dst.data(), (c * total + offset) * hw, batch * hw);
        }
    }
}
