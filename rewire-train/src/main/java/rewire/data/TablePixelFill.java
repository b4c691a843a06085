package rewire.data;

import rewire.kernel.PixelFill;

/**
 * {@link PixelFill} in plain Java, used when no faster one is found: each byte value is looked up
 * in a table of its 256 standardized values, computed with the definition's float operations, so
 * the bits are the definition's and each division is done once per table instead of once per
 * pixel (C2 does not vectorize the per-pixel divisions of a 16-example tile well).
 */
final class TablePixelFill implements PixelFill {

    // dst (features, dstCols)[:, col .. col + count) = standardized pixels of the tile
    @Override
    public void standardized(int[] words, int features, float mean, float std, float[] dst, int dstCols, int col,
                             int count) {
        float[] table = Table.of(mean, std);
        for (int f = 0; f < features; f += 4) {
            int from = (f >> 2) * TILE;
            int to = f * dstCols + col;
            if (f + 4 <= features) {
                for (int j = 0; j < count; j++) {
                    int word = words[from + j];
                    dst[to + j] = table[word & 0xFF];
                    dst[to + dstCols + j] = table[(word >>> 8) & 0xFF];
                    dst[to + 2 * dstCols + j] = table[(word >>> 16) & 0xFF];
                    dst[to + 3 * dstCols + j] = table[word >>> 24];
                }
            } else {
                for (int q = 0; f + q < features; q++) {
                    for (int j = 0; j < count; j++) {
                        dst[to + q * dstCols + j] = table[(words[from + j] >>> (8 * q)) & 0xFF];
                    }
                }
            }
        }
    }

    /**
     * The 256 standardized values of a byte for the last (mean, std) asked for, kept so that a
     * batch fill allocates nothing; immutable once published, so any thread may read it.
     */
    private record Table(float mean, float std, float[] values) {
        private static volatile Table last = new Table(0f, 1f, compute(0f, 1f));

        static float[] of(float mean, float std) {
            Table t = last;
            if (Float.floatToRawIntBits(t.mean) != Float.floatToRawIntBits(mean)
                    || Float.floatToRawIntBits(t.std) != Float.floatToRawIntBits(std)) {
                t = new Table(mean, std, compute(mean, std));
                last = t;
            }
            return t.values;
        }

        private static float[] compute(float mean, float std) {
            float[] v = new float[256];
            for (int p = 0; p < 256; p++) {
                v[p] = (p / 255f - mean) / std;
            }
            return v;
        }
    }
}
