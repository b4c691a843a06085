package rewire.autodiff;

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

    // One patch row (channel c, kernel offset (i, j)): every output position of every image.
    private void transferRow(float[] image, int channelStart, float[] cols, int rowStart, int i, int j,
                             boolean toColumns) {
        int stride = window.stride();
        int pad = window.padding();
        int h = in.height();
        int w = in.width();
        for (int b = 0; b < batch; b++) {
            for (int oh = 0; oh < out.height(); oh++) {
                int dst = rowStart + (b * out.height() + oh) * out.width();
                int y = oh * stride - pad + i;
                boolean rowInside = y >= 0 && y < h;
                int src = channelStart + (b * h + y) * w;
                for (int ow = 0; ow < out.width(); ow++) {
                    int x = ow * stride - pad + j;
                    boolean inside = rowInside && x >= 0 && x < w;
                    if (toColumns) {
                        cols[dst + ow] = inside ? image[src + x] : 0f;
                    } else if (inside) {
                        image[src + x] += cols[dst + ow];
                    }
                }
            }
        }
    }
}
