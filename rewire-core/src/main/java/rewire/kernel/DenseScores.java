package rewire.kernel;

import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * Top-k selection over a dense product that is never materialized whole: the scores
 * {@code |a · bᵀ|} of a {@code rows x cols} matrix are computed a tile of rows at a time through
 * the dense GEMM path, and only the best {@code k} positions outside a pattern are kept. Memory
 * is O(tile + k), never O(rows · cols); a row wider than the tile is split into column tiles,
 * and positions are 64-bit (a layer of a million inputs and outputs has 10^12 of them). This is
 * how gradient-based growth (RigL) scores the connections that do not exist yet.
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
     * a : (rows, B)   b : (cols, B)   exclude : pattern (rows, cols)   tile : (tileRows, tileCols)
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
        // a tile of whole rows, or of one row's columns when a row alone is wider than tileFloats
        int tileCols = Math.max(1, Math.min(cols, tileFloats));
        int tileRows = Math.max(1, Math.min(rows, tileFloats / tileCols));
        float[] tile = new float[tileRows * tileCols];
        long outside = (long) rows * cols - exclude.nnz();
        // First with a floor estimated from the first tile. Every score it dropped is at or below
        // it, so the selection is exact when k numbers beat it (or nothing was dropped); otherwise
        // the scan is repeated without it.
        TopK.Result seeded = scan(kernels, a, b, exclude, k, tile, tileRows, tileCols, true);
        int held = seeded.size();
        if (held == outside || held >= k && (held == 0 || !Float.isNaN(seeded.scores()[held - 1]))) {
            return seeded;
        }
        return scan(kernels, a, b, exclude, k, tile, tileRows, tileCols, false);
    }

    // One pass over all tiles, in increasing position order (a tile narrower than a row holds one
    // row); with seed, scores at or below a floor estimated from the first tile are dropped (the
    // caller checks that enough scores remained for the selection to be exact).
    private static TopK.Result scan(Kernels kernels, Tensor a, Tensor b, SparsityPattern exclude, int k,
                                    float[] tile, int tileRows, int tileCols, boolean seed) {
        int rows = exclude.rows();
        int cols = exclude.cols();
        int batch = a.cols();
        TopK top = new TopK(k);
        int[] ptr = exclude.rowPtr();
        int[] idx = exclude.colIdx();
        float floor = Float.NEGATIVE_INFINITY;
        for (int r0 = 0; r0 < rows; r0 += tileRows) {
            int t = Math.min(tileRows, rows - r0);
            for (int c0 = 0; c0 < cols; c0 += tileCols) {
                int w = Math.min(tileCols, cols - c0);
                // tile (t, w) = a[r0 : r0 + t, :] (t, B) · b[c0 : c0 + w, :] (w, B)ᵀ
                kernels.gemmRaw(false, true, t, w, batch, a.data(), r0 * batch, batch, b.data(), c0 * batch, batch,
                        tile, 0, w, false);
                if (seed && r0 == 0 && c0 == 0) {
                    floor = estimatedFloor(tile, t * w, k, (long) rows * cols);
                }
                for (int i = 0; i < t; i++) {
                    int r = r0 + i;
                    offerRow(top, tile, i * w, c0, w, (long) r * cols, idx, firstAtOrAfter(idx, ptr[r], ptr[r + 1], c0),
                            ptr[r + 1], floor);
                }
            }
        }
        return top.result();
    }

    // the first entry of idx[from .. to) (sorted) whose column is at least c
    private static int firstAtOrAfter(int[] idx, int from, int to, int c) {
        int e = from;
        while (e < to && idx[e] < c) {
            e++;
        }
        return e;
    }

    /** One score in this many of the first tile is sampled to estimate the floor (prime: no column pattern). */
    static final int SAMPLE_STRIDE = 61;
    /** The floor is set where about this many times k scores of the whole product are expected to beat it. */
    static final int SEED_MARGIN = 2;

    // A score that about SEED_MARGIN * k of all `total` scores should exceed, judged from every
    // SAMPLE_STRIDE-th score of the first `length` tile entries; negative infinity when the sample
    // is too small to tell. Most of the scan's candidates then fall below it: without it every
    // score entered the selection until its buffer first filled, and the floor rose slowly after.
    private static float estimatedFloor(float[] tile, int length, int k, long total) {
        int samples = (length + SAMPLE_STRIDE - 1) / SAMPLE_STRIDE;
        long wanted = (SEED_MARGIN * (long) k * samples + total - 1) / total;  // ceil(2k · samples / total)
        int m = (int) Math.max(8, wanted);
        if (k == 0 || m >= samples) {
            return Float.NEGATIVE_INFINITY;
        }
        TopK sample = new TopK(m);
        for (int i = 0, at = 0; at < length; i++, at += SAMPLE_STRIDE) {
            sample.offer(Math.abs(tile[at]), i);
        }
        float[] best = sample.result().scores();
        float floor = best[m - 1];
        return Float.isNaN(floor) ? Float.NEGATIVE_INFINITY : floor;
    }

    // Offers |tile[from + j]| at position base + c0 + j for every column c0 + j of one row not among
    // the row's pattern entries idx[e .. end) (sorted, none before c0), unless it is at or below
    // seedFloor. Most scores fall below the floor and are dropped by one comparison; the pattern
    // is consulted only for those that would enter.
    private static void offerRow(TopK top, float[] tile, int from, int c0, int width, long base, int[] idx, int e,
                                 int end, float seedFloor) {
        float floor = Math.max(seedFloor, top.floorForLaterPositions());
        for (int j = 0; j < width; j++) {
            float s = Math.abs(tile[from + j]);
            if (s <= floor) {
                continue;
            }
            int c = c0 + j;
            while (e < end && idx[e] < c) {
                e++;
            }
            if (e < end && idx[e] == c) {
                continue;
            }
            top.offer(s, base + c);
            floor = Math.max(seedFloor, top.floorForLaterPositions());
        }
    }
}
