package rewire.autodiff;

import java.util.Arrays;

/**
 * The index arithmetic of im2col and col2im between a map {@code (C, B·H·W)} and its patch
 * matrix {@code (C·k·k, B·Ho·Wo)} (layouts in {@link ConvOps}).
 */
final class Patches {
    private final ImageShape in;
    private final ImageShape out;
    private final Window window;
    private final int batch;

    Patches(ImageShape in, ImageShape out, Window window, int batch) {
        this.in = in;
        this.out = out;
        this.window = window;
        this.batch = batch;
    }

    /**
     * When {@code toColumns}, writes every element of {@code cols} from {@code image} (zero where
     * the window reads padding: im2col); otherwise adds {@code cols} back onto the pixels each
     * element was read from (col2im, the gradient of im2col).
     */
    void transfer(float[] image, float[] cols, boolean toColumns) {
        int k = window.size();
        int colCount = batch * out.pixels();
        for (int c = 0; c < in.channels(); c++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int rowStart = ((c * k + i) * k + j) * colCount;
                    transferRow(image, c * batch * in.pixels(), cols, rowStart, i, j, toColumns);
                }
            }
        }
    }

    // One patch row (channel c, kernel offset (i, j)): every output position of every image. Output
    // columns [lo, hi) read inside the image (x = ow·stride - pad + j in [0, w)); the others read
    // padding. The loops over them have no branch, and a pixel receives its adds in the same order.
    private void transferRow(float[] image, int channelStart, float[] cols, int rowStart, int i, int j,
                             boolean toColumns) {
        int stride = window.stride();
        int pad = window.padding();
        int h = in.height();
        int w = in.width();
        int ow = out.width();
        int lo = Math.min(ow, Math.max(0, Math.ceilDiv(pad - j, stride)));
        int hi = Math.max(lo, Math.min(ow, Math.floorDiv(w - 1 + pad - j, stride) + 1));
        for (int b = 0; b < batch; b++) {
            for (int oh = 0; oh < out.height(); oh++) {
                int dst = rowStart + (b * out.height() + oh) * ow;
                int y = oh * stride - pad + i;
                if (y < 0 || y >= h) {
                    if (toColumns) {
                        for (int o = 0; o < ow; o++) {
                            cols[dst + o] = 0f;
                        }
                    }
                    continue;
                }
                int src = channelStart + (b * h + y) * w - pad + j;   // + ow·stride is pixel x
                if (toColumns) {
                    Arrays.fill(cols, dst, dst + lo, 0f);
                    if (stride == 1) {
                        // a contiguous run of the image row: a copy, several times faster than the strided loop
                        System.arraycopy(image, src + lo, cols, dst + lo, hi - lo);
                    } else {
                        for (int o = lo; o < hi; o++) {
                            cols[dst + o] = image[src + o * stride];
                        }
                    }
                    Arrays.fill(cols, dst + hi, dst + ow, 0f);
                } else if (stride == 1) {
                    // the same run added back; without the stride the loop is a plain vectorizable add
                    int from = src + lo;
                    int at = dst + lo;
                    for (int o = 0; o < hi - lo; o++) {
                        image[from + o] += cols[at + o];
                    }
                } else {
                    for (int o = lo; o < hi; o++) {
                        image[src + o * stride] += cols[dst + o];
                    }
                }
            }
        }
    }
}
