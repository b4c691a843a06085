package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Constant fan-in times dense, {@code y (rows, n) (+)= S (rows, cols) · x (cols, n)} for a matrix
 * {@code S} of k entries a row in condensed form ({@link rewire.sparse.FanInPattern}), register
 * blocked like {@link Spmm}.
 *
 * <p>What the format allows and CSR does not: every row has the same trip count and no row
 * pointer, so two output rows go through one loop over {@code t in [0, k)}. A block of four
 * vectors of each row's batch stays in registers (eight accumulators, within AVX2's sixteen),
 * and each step loads both rows' column and value and adds two independent rows of {@code x}:
 * two streams of loads in flight where {@link Spmm} has one, and one loop's overhead for two
 * rows. An odd last row of the range pairs with itself (the same sums twice, the same bits).
 *
 * <p>Every output element is one chain of fused multiply-adds over its row's entries in order,
 * whatever pair, block or lane it lands in, so the result does not depend on the row range.
 */
final class FanInMult {
    private FanInMult() {
    }

    static void run(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart, int n, int rowFrom,
                    int rowTo, boolean accumulate, boolean relu) {
        for (int r0 = rowFrom; r0 < rowTo; r0 += 2) {
            int r1 = Math.min(r0 + 1, rowTo - 1);
            float init0 = rowStart == null ? 0f : rowStart[r0];
            float init1 = rowStart == null ? 0f : rowStart[r1];
            int j = 0;
            for (; j + 4 * L <= n; j += 4 * L) {
                pair4(k, colIdx, values, x, y, n, r0, r1, j, init0, init1, accumulate, relu);
            }
            for (; j < n; j += L) {
                pair1(k, colIdx, values, x, y, n, r0, r1, j, init0, init1, accumulate, relu);
            }
        }
    }

    // y[r0 and r1, j .. j + 4L) (+)= sum_t v(r, t) * x[col(r, t), j .. j + 4L), the two rows interleaved
    private static void pair4(int k, int[] colIdx, float[] values, float[] x, float[] y, int n, int r0, int r1, int j,
                              float init0, float init1, boolean accumulate, boolean relu) {
        int at0 = r0 * n + j;
        int at1 = r1 * n + j;
        FloatVector a0 = start(y, at0, init0, accumulate);
        FloatVector a1 = start(y, at0 + L, init0, accumulate);
        FloatVector a2 = start(y, at0 + 2 * L, init0, accumulate);
        FloatVector a3 = start(y, at0 + 3 * L, init0, accumulate);
        FloatVector b0 = start(y, at1, init1, accumulate);
        FloatVector b1 = start(y, at1 + L, init1, accumulate);
        FloatVector b2 = start(y, at1 + 2 * L, init1, accumulate);
        FloatVector b3 = start(y, at1 + 3 * L, init1, accumulate);
        for (int e0 = r0 * k, e1 = r1 * k, end = e0 + k; e0 < end; e0++, e1++) {
            FloatVector w0 = FloatVector.broadcast(FLOATS, values[e0]);
            FloatVector w1 = FloatVector.broadcast(FLOATS, values[e1]);
            int x0 = colIdx[e0] * n + j;
            int x1 = colIdx[e1] * n + j;
            a0 = FloatVector.fromArray(FLOATS, x, x0).fma(w0, a0);
            b0 = FloatVector.fromArray(FLOATS, x, x1).fma(w1, b0);
            a1 = FloatVector.fromArray(FLOATS, x, x0 + L).fma(w0, a1);
            b1 = FloatVector.fromArray(FLOATS, x, x1 + L).fma(w1, b1);
            a2 = FloatVector.fromArray(FLOATS, x, x0 + 2 * L).fma(w0, a2);
            b2 = FloatVector.fromArray(FLOATS, x, x1 + 2 * L).fma(w1, b2);
            a3 = FloatVector.fromArray(FLOATS, x, x0 + 3 * L).fma(w0, a3);
            b3 = FloatVector.fromArray(FLOATS, x, x1 + 3 * L).fma(w1, b3);
        }
        store(a0, y, at0, relu);
        store(a1, y, at0 + L, relu);
        store(a2, y, at0 + 2 * L, relu);
        store(a3, y, at0 + 3 * L, relu);
        store(b0, y, at1, relu);
        store(b1, y, at1 + L, relu);
        store(b2, y, at1 + 2 * L, relu);
        store(b3, y, at1 + 3 * L, relu);
    }

    // y[r0 and r1, j .. min(j + L, n)) (+)= ..., masked so it also covers the last n mod L floats
    private static void pair1(int k, int[] colIdx, float[] values, float[] x, float[] y, int n, int r0, int r1, int j,
                              float init0, float init1, boolean accumulate, boolean relu) {
        VectorMask<Float> m = FLOATS.indexInRange(j, n);
        int at0 = r0 * n + j;
        int at1 = r1 * n + j;
        FloatVector a0 = accumulate ? FloatVector.fromArray(FLOATS, y, at0, m) : FloatVector.broadcast(FLOATS, init0);
        FloatVector b0 = accumulate ? FloatVector.fromArray(FLOATS, y, at1, m) : FloatVector.broadcast(FLOATS, init1);
        for (int e0 = r0 * k, e1 = r1 * k, end = e0 + k; e0 < end; e0++, e1++) {
            a0 = FloatVector.fromArray(FLOATS, x, colIdx[e0] * n + j, m).fma(FloatVector.broadcast(FLOATS, values[e0]), a0);
            b0 = FloatVector.fromArray(FLOATS, x, colIdx[e1] * n + j, m).fma(FloatVector.broadcast(FLOATS, values[e1]), b0);
        }
        (relu ? a0.max(0f) : a0).intoArray(y, at0, m);
        (relu ? b0.max(0f) : b0).intoArray(y, at1, m);
    }

    // a finished slice of an output row, clamped at zero when the layer is fused with its ReLU
    private static void store(FloatVector a, float[] y, int at, boolean relu) {
        (relu ? a.max(0f) : a).intoArray(y, at);
    }

    private static FloatVector start(float[] y, int at, float init, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(FLOATS, y, at) : FloatVector.broadcast(FLOATS, init);
    }
}
