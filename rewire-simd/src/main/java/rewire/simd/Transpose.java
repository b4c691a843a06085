package rewire.simd;

/**
 * A cache-blocked transpose, {@code dst (cols, rows) = src (rows, cols)ᵀ}: square tiles small
 * enough that the source tile and the destination tile both stay in L1, so the strided side of
 * the copy does not miss on every element the way a row-at-a-time transpose does once a column
 * of the matrix exceeds the cache.
 */
final class Transpose {
    // 32 x 32 floats: 4 KiB per tile, two tiles well inside any L1.
    private static final int TILE = 32;

    private Transpose() {
    }

    static void run(float[] src, int rows, int cols, float[] dst, int rowFrom, int rowTo) {
        for (int r0 = rowFrom; r0 < rowTo; r0 += TILE) {
            int r1 = Math.min(r0 + TILE, rowTo);
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int c1 = Math.min(c0 + TILE, cols);
                for (int c = c0; c < c1; c++) {
                    int to = c * rows;
                    for (int r = r0; r < r1; r++) {
                        dst[to + r] = src[r * cols + c];
                    }
                }
            }
        }
    }
}
