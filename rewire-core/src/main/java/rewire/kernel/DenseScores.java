package rewire.kernel;

import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * Top-k selection over a dense product that is never materialized whole: the scores
 * {@code |a · bᵀ|} of a {@code rows x cols} matrix are computed a tile of rows at a time through
 * the dense GEMM path, and only the best {@code k} positions outside a pattern are kept. Memory
 * is O(tile + k), never O(rows · cols). This is how gradient-based growth (RigL) scores the
 * connections that do not exist yet.
 */
public final class DenseScores {
    /** Default tile size in floats (4 MB): a few hundred rows of a wide layer. */
    public static final int DEFAULT_TILE_FLOATS = 1 << 20;

    private DenseScores() {
    }

    /**
     * The {@code k} positions {@code r * cols + c} outside {@code exclude} with the largest
     * {@code |dot(a[r, :], b[c, :])|}, best first, ties to the lower position.
     *
     * <pre>
     * a : (rows, B)   b : (cols, B)   exclude : pattern (rows, cols)   tile : (tileRows, cols)
     * </pre>
     */
    public static TopK.Result topAbsProductOutside(Kernels kernels, Tensor a, Tensor b, SparsityPattern exclude,
                                                   int k, int tileFloats) {
        int rows = exclude.rows();
        int cols = exclude.cols();
        if (a.rows() != rows || b.rows() != cols || a.cols() != b.cols()) {
            throw new IllegalArgumentException("dense scores: a " + a.shape() + " · b " + b.shape()
                    + "ᵀ does not match pattern " + rows + " x " + cols);
        }
        if (tileFloats < 1) {
            throw new IllegalArgumentException("tile size must be positive, got " + tileFloats);
        }
        int batch = a.cols();
        int tileRows = Math.max(1, Math.min(rows, tileFloats / Math.max(1, cols)));
        float[] tile = new float[tileRows * cols];
        TopK top = new TopK(k);
        int[] ptr = exclude.rowPtr();
        int[] idx = exclude.colIdx();
        for (int r0 = 0; r0 < rows; r0 += tileRows) {
            int t = Math.min(tileRows, rows - r0);
            // tile (t, cols) = a[r0 : r0 + t, :] (t, B) · b (cols, B)ᵀ
            kernels.gemmRaw(false, true, t, cols, batch, a.data(), r0 * batch, batch, b.data(), 0, batch,
                    tile, 0, cols, false);
            for (int i = 0; i < t; i++) {
                offerRow(top, tile, i * cols, cols, (long) (r0 + i) * cols, idx, ptr[r0 + i], ptr[r0 + i + 1]);
            }
        }
        return top.result();
    }

    // Offers |tile[from + c]| at position base + c for every column c of one row not among the
    // row's pattern entries idx[e .. end) (sorted). Most scores fall below the selection's floor
    // and are dropped by one comparison; the pattern is consulted only for those that would enter.
    private static void offerRow(TopK top, float[] tile, int from, int cols, long base, int[] idx, int e, int end) {
        float floor = top.floorForLaterPositions();
        for (int c = 0; c < cols; c++) {
            float s = Math.abs(tile[from + c]);
            if (s <= floor) {
                continue;
            }
            while (e < end && idx[e] < c) {
                e++;
            }
            if (e < end && idx[e] == c) {
                continue;
            }
            top.offer(s, base + c);
            floor = top.floorForLaterPositions();
        }
    }
}
