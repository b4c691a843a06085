package rewire.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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
    private static final float[] ZERO = {0f};
    private static final float[] ONE = {1f};
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
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
     * {@link Dataset#transposeInto} for the examples {@code indices[b0 .. b1)}, whose rows are first
     * copied into {@code rows} ({@code (b1 - b0) * features} bytes or more).
     */
    void transposeInto(int[] indices, int b0, int b1, int features, float[] dst, byte[] rows) {
        int size = indices.length;
        for (int b = b0; b < b1; b++) {
            System.arraycopy(data, indices[b] * features, rows, (b - b0) * features, features);
        }
        if (mean.length > 1) {
            for (int f = 0; f < features; f++) {
                for (int b = b0; b < b1; b++) {
                    dst[f * size + b] = ((rows[(b - b0) * features + f] & 0xFF) / 255f - mean[f]) / std[f];
                }
            }
            return;
        }
        // one mean and std: every byte's value looked up instead of two divisions per pixel
        float[] table = new float[256];
        for (int p = 0; p < 256; p++) {
            table[p] = (p / 255f - mean[0]) / std[0];
        }
        int f = 0;
        for (; f + 8 <= features; f += 8) {
            transposeEight(rows, features, b0, b1, f, table, dst, size);
        }
        for (; f < features; f++) {
            for (int b = b0; b < b1; b++) {
                dst[f * size + b] = table[rows[(b - b0) * features + f] & 0xFF];
            }
        }
    }

    // dst rows f .. f + 8, columns b0 .. b1 from the copied rows: one 8-byte read per example
    // instead of eight byte reads, a third less time for the batch fill
    private static void transposeEight(byte[] rows, int features, int b0, int b1, int f, float[] table, float[] dst,
                                       int size) {
        int d = f * size;
        for (int b = b0; b < b1; b++) {
            long v = (long) EIGHT_BYTES.get(rows, (b - b0) * features + f);  // byte j = feature f + j
            dst[d + b] = table[(int) v & 0xFF];
            dst[d + size + b] = table[(int) (v >>> 8) & 0xFF];
            dst[d + 2 * size + b] = table[(int) (v >>> 16) & 0xFF];
            dst[d + 3 * size + b] = table[(int) (v >>> 24) & 0xFF];
            dst[d + 4 * size + b] = table[(int) (v >>> 32) & 0xFF];
            dst[d + 5 * size + b] = table[(int) (v >>> 40) & 0xFF];
            dst[d + 6 * size + b] = table[(int) (v >>> 48) & 0xFF];
            dst[d + 7 * size + b] = table[(int) (v >>> 56) & 0xFF];
        }
    }
}
