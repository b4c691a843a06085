package rewire.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import rewire.kernel.PixelFill;

/**
 * Image features kept as the unsigned bytes of the file (one byte per pixel instead of a float),
 * read as {@code ((p & 0xFF) / 255f - mean) / std}: the pixel scaled to {@code [0, 1]}, then a
 * pending standardization (mean 0, std 1 when none). The float operations are those of scaling
 * into a float array and then standardizing it, in the same order, so every value is bit for bit
 * what the float path gives; only the memory differs (Fashion-MNIST's training set: 47 MB instead
 * of 188 MB).
 *
 * @param data example-major pixels, {@code (n, features)}
 * @param mean one mean for all features, or one per feature
 * @param std  one (floored) standard deviation for all features, or one per feature
 */
record Pixels(byte[] data, float[] mean, float[] std) {
    /** Examples per tile of {@link #transposeInto}. */
    static final int TILE = PixelFill.TILE;
    // the fill of one mean and std for all features: a faster one a module offers (rewire-simd's),
    // else the plain one
    private static final PixelFill FILL = PixelFill.discovered().orElseGet(TablePixelFill::new);
    private static final float[] ZERO = {0f};
    private static final float[] ONE = {1f};
    private static final VarHandle FOUR_BYTES = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);

    Pixels {
        assert mean.length == std.length && mean.length >= 1;
    }

    /** Pixels with no standardization pending. */
    static Pixels raw(byte[] data) {
        return new Pixels(data, ZERO, ONE);
    }

    /** Whether no standardization is pending, so one can be attached. */
    boolean isRaw() {
        return mean.length == 1 && mean[0] == 0f && std[0] == 1f;
    }

    /** Element {@code k} (flat, example-major) of an example with {@code features} features. */
    float value(int k, int features) {
        int s = mean.length == 1 ? 0 : k % features;
        return ((data[k] & 0xFF) / 255f - mean[s]) / std[s];
    }

    /**
     * {@link Dataset#transposeInto} for the examples {@code indices[b0 .. b1)}, at most
     * {@link #TILE}: their pixel rows are first laid out four to a word in {@code words} (pixel
     * {@code 4w + q} of example {@code j} in byte {@code q} of {@code words[w * TILE + j]}), then
     * standardized into columns {@code b0 .. b1} of {@code dst} ({@link PixelFill}).
     */
    void transposeInto(int[] indices, int b0, int b1, int features, float[] dst, int[] words) {
        int whole = features / 4;
        for (int b = b0; b < b1; b++) {
            int j = b - b0;
            int src = indices[b] * features;
            for (int w = 0; w < whole; w++) {
                words[w * TILE + j] = (int) FOUR_BYTES.get(data, src + 4 * w);
            }
            if (whole * 4 < features) {  // the last one to three pixels
                int word = 0;
                for (int f = whole * 4; f < features; f++) {
                    word |= (data[src + f] & 0xFF) << (8 * (f - whole * 4));
                }
                words[whole * TILE + j] = word;
            }
        }
        int size = indices.length;
        if (mean.length == 1) {
            FILL.standardized(words, features, mean[0], std[0], dst, size, b0, b1 - b0);
            return;
        }
        for (int f = 0; f < features; f++) {
            int from = (f >> 2) * TILE;
            int shift = 8 * (f & 3);
            for (int b = b0; b < b1; b++) {
                int p = (words[from + b - b0] >>> shift) & 0xFF;
                dst[f * size + b] = (p / 255f - mean[f]) / std[f];
            }
        }
    }
}
