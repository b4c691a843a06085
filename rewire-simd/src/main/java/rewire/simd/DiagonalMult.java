package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Diagonal times dense, {@code y (+)= S · x} or {@code Sᵀ · x} for a matrix {@code S} of K
 * wrap-around diagonals ({@link rewire.sparse.DiagonalPattern}), register blocked like
 * {@link Spmm}.
 *
 * <p>For one output row, a block of up to eight vectors of the batch stays in registers while
 * the row's K diagonals stream by; each diagonal broadcasts its value and adds it times a slice
 * of an input row, one FMA per vector. The input row is computed, not loaded: on the short side
 * of {@code S} output row {@code o} reads input row {@code o + p mod P} of diagonal {@code p},
 * on the long side row {@code o - p mod P} (when that is below {@code D}). So consecutive output
 * rows read consecutive input rows, K sequential streams the hardware prefetchers follow, where
 * the CSR kernel fetches a random row per nonzero. The diagonal's value for the row sits at
 * {@code k * D + i}: K more sequential streams. That beats CSR where CSR waits on memory latency
 * (1% density), not where both are bound by moving a whole row of {@code x} per entry (10%);
 * the variants measured against this one (blocks of rows kept in L1, groups of diagonals, batch
 * slices) are in bench/kernels-notes.md.
 *
 * <p>Every output element is one chain of fused multiply-adds over the diagonals in order,
 * whatever block or lane it lands in, so the result does not depend on the row range.
 */
final class DiagonalMult {
    private DiagonalMult() {
    }

    static void run(int rows, int cols, int[] diagonals, float[] values, boolean transpose, float[] x, float[] y,
                    float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate, boolean relu) {
        int count = Math.max(rows, cols);
        int d = Math.min(rows, cols);
        boolean outputIsLong = transpose != (rows >= cols);
        for (int o = rowFrom; o < rowTo; o++) {
            float init = rowStart == null ? 0f : rowStart[o];
            int yRow = o * n;
            int j = 0;
            for (; j + 8 * L <= n; j += 8 * L) {
                block8(diagonals, values, count, d, outputIsLong, x, y, n, o, yRow + j, j, init, accumulate,
                        relu);
            }
            if (j + 4 * L <= n) {
                block4(diagonals, values, count, d, outputIsLong, x, y, n, o, yRow + j, j, init, accumulate,
                        relu);
                j += 4 * L;
            }
            for (; j < n; j += L) {
                block1(diagonals, values, count, d, outputIsLong, x, y, n, o, yRow + j, j, init, accumulate,
                        relu);
            }
        }
    }

    // position i of diagonal p in output row o, or -1 when the diagonal misses the row: o on the
    // short side; o - p mod P on the long side, which the diagonal covers only below D
    private static int position(int o, int p, int count, int d, boolean outputIsLong) {
        if (!outputIsLong) {
            return o;
        }
        int i = o - p;
        i = i < 0 ? i + count : i;
        return i < d ? i : -1;
    }

    // the input row that position i of diagonal p reads for output row o
    private static int inputRow(int o, int p, int i, int count, boolean outputIsLong) {
        if (outputIsLong) {
            return i;
        }
        int r = o + p;
        return r >= count ? r - count : r;
    }

    // y[o, j .. j + 8L) (+)= sum_k v(k, i) * x[in(k), j .. j + 8L)
    private static void block8(int[] diagonals, float[] values, int count, int d, boolean outputIsLong,
                               float[] x, float[] y, int n, int o, int at, int j, float init, boolean accumulate,
                               boolean relu) {
        FloatVector a0 = start(y, at, init, accumulate);
        FloatVector a1 = start(y, at + L, init, accumulate);
        FloatVector a2 = start(y, at + 2 * L, init, accumulate);
        FloatVector a3 = start(y, at + 3 * L, init, accumulate);
        FloatVector a4 = start(y, at + 4 * L, init, accumulate);
        FloatVector a5 = start(y, at + 5 * L, init, accumulate);
        FloatVector a6 = start(y, at + 6 * L, init, accumulate);
        FloatVector a7 = start(y, at + 7 * L, init, accumulate);
        for (int k = 0; k < diagonals.length; k++) {
            int i = position(o, diagonals[k], count, d, outputIsLong);
            if (i < 0) {
                continue;
            }
            FloatVector w = FloatVector.broadcast(FLOATS, values[k * d + i]);
            int xAt = inputRow(o, diagonals[k], i, count, outputIsLong) * n + j;
            a0 = FloatVector.fromArray(FLOATS, x, xAt).fma(w, a0);
            a1 = FloatVector.fromArray(FLOATS, x, xAt + L).fma(w, a1);
            a2 = FloatVector.fromArray(FLOATS, x, xAt + 2 * L).fma(w, a2);
            a3 = FloatVector.fromArray(FLOATS, x, xAt + 3 * L).fma(w, a3);
            a4 = FloatVector.fromArray(FLOATS, x, xAt + 4 * L).fma(w, a4);
            a5 = FloatVector.fromArray(FLOATS, x, xAt + 5 * L).fma(w, a5);
            a6 = FloatVector.fromArray(FLOATS, x, xAt + 6 * L).fma(w, a6);
            a7 = FloatVector.fromArray(FLOATS, x, xAt + 7 * L).fma(w, a7);
        }
        store(a0, y, at, relu);
        store(a1, y, at + L, relu);
        store(a2, y, at + 2 * L, relu);
        store(a3, y, at + 3 * L, relu);
        store(a4, y, at + 4 * L, relu);
        store(a5, y, at + 5 * L, relu);
        store(a6, y, at + 6 * L, relu);
        store(a7, y, at + 7 * L, relu);
    }

    // y[o, j .. j + 4L) (+)= sum_k v(k, i) * x[in(k), j .. j + 4L)
    private static void block4(int[] diagonals, float[] values, int count, int d, boolean outputIsLong,
                               float[] x, float[] y, int n, int o, int at, int j, float init, boolean accumulate,
                               boolean relu) {
        FloatVector a0 = start(y, at, init, accumulate);
        FloatVector a1 = start(y, at + L, init, accumulate);
        FloatVector a2 = start(y, at + 2 * L, init, accumulate);
        FloatVector a3 = start(y, at + 3 * L, init, accumulate);
        for (int k = 0; k < diagonals.length; k++) {
            int i = position(o, diagonals[k], count, d, outputIsLong);
            if (i < 0) {
                continue;
            }
            FloatVector w = FloatVector.broadcast(FLOATS, values[k * d + i]);
            int xAt = inputRow(o, diagonals[k], i, count, outputIsLong) * n + j;
            a0 = FloatVector.fromArray(FLOATS, x, xAt).fma(w, a0);
            a1 = FloatVector.fromArray(FLOATS, x, xAt + L).fma(w, a1);
            a2 = FloatVector.fromArray(FLOATS, x, xAt + 2 * L).fma(w, a2);
            a3 = FloatVector.fromArray(FLOATS, x, xAt + 3 * L).fma(w, a3);
        }
        store(a0, y, at, relu);
        store(a1, y, at + L, relu);
        store(a2, y, at + 2 * L, relu);
        store(a3, y, at + 3 * L, relu);
    }

    // y[o, j .. min(j + L, n)) (+)= ..., masked so it also covers the last n mod L floats
    private static void block1(int[] diagonals, float[] values, int count, int d, boolean outputIsLong,
                               float[] x, float[] y, int n, int o, int at, int j, float init, boolean accumulate,
                               boolean relu) {
        VectorMask<Float> m = FLOATS.indexInRange(j, n);
        FloatVector a0 = accumulate ? FloatVector.fromArray(FLOATS, y, at, m) : FloatVector.broadcast(FLOATS, init);
        for (int k = 0; k < diagonals.length; k++) {
            int i = position(o, diagonals[k], count, d, outputIsLong);
            if (i < 0) {
                continue;
            }
            FloatVector w = FloatVector.broadcast(FLOATS, values[k * d + i]);
            a0 = FloatVector.fromArray(FLOATS, x, inputRow(o, diagonals[k], i, count, outputIsLong) * n + j, m).fma(w, a0);
        }
        (relu ? a0.max(0f) : a0).intoArray(y, at, m);
    }

    // a finished slice of an output row, clamped at zero when the layer is fused with its ReLU
    private static void store(FloatVector a, float[] y, int at, boolean relu) {
        (relu ? a.max(0f) : a).intoArray(y, at);
    }

    private static FloatVector start(float[] y, int at, float init, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(FLOATS, y, at) : FloatVector.broadcast(FLOATS, init);
    }
}
