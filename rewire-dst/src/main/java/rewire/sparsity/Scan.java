package rewire.sparsity;

import rewire.sparse.SparsityPattern;

/**
 * Visits the candidate positions of one layer, those not in an exclusion pattern, in row-major
 * order, with their scores streamed a tile of rows at a time: memory O(tile), never O(rows * cols).
 */
final class Scan {
    private Scan() {
    }

    /** Receives one candidate position and its score (0 when there is no score source). */
    @FunctionalInterface
    interface Candidate {
        void accept(int row, int col, float score);
    }

    /**
     * Calls {@code visit} for every position outside {@code exclude}.
     *
     * @param source     scores, or null when the caller needs none
     * @param tileFloats the largest tile to request from {@code source}
     */
    static void candidates(SparsityPattern exclude, ScoreSource source, int tileFloats, Candidate visit) {
        int rows = exclude.rows();
        int cols = exclude.cols();
        int tileRows = Math.max(1, Math.min(rows, tileFloats / Math.max(1, cols)));
        float[] tile = source == null ? null : new float[tileRows * cols];
        int[] ptr = exclude.rowPtr();
        int[] idx = exclude.colIdx();
        for (int r0 = 0; r0 < rows; r0 += tileRows) {
            int t = Math.min(tileRows, rows - r0);
            if (source != null) {
                // tile (t, cols) = scores of rows r0 .. r0 + t
                source.rows(r0, t, tile);
            }
            for (int i = 0; i < t; i++) {
                int r = r0 + i;
                int e = ptr[r];
                int end = ptr[r + 1];
                for (int c = 0; c < cols; c++) {
                    if (e < end && idx[e] == c) {
                        e++;
                        continue;
                    }
                    visit.accept(r, c, tile == null ? 0f : tile[i * cols + c]);
                }
            }
        }
    }
}
