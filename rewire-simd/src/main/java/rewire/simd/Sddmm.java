package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Sampled dense-dense product, {@code out[e] (+)= dot(a[r, :], b[c, :])} for every entry
 * {@code e = (r, c)} of a CSR pattern: the weight gradient {@code dW = (dy · xᵀ)|W} on
 * feature-major activations.
 *
 * <p>A slice of eight vectors of {@code a}'s row stays in registers while the row's entries
 * stream by, so each entry loads only its {@code b} slice, multiplies it in two interleaved FMA
 * chains (half the latency of one) and folds the lanes once. Batches longer than eight vectors
 * take several such passes, adding each pass's sum to {@code out[e]}; the rest of the batch
 * (fewer than eight vectors, the last one masked) is a plain vector dot. The arithmetic of an
 * entry depends only on {@code n} and the vector width, never on the row range.
 */
final class Sddmm {
    private Sddmm() {
    }

    static void run(int[] rowPtr, int[] colIdx, float[] a, float[] b, int n, float[] out,
                    int rowFrom, int rowTo, boolean accumulate) {
        if (n == 1) {
            outerProduct(rowPtr, colIdx, a, b, out, rowFrom, rowTo, accumulate);
            return;
        }
        for (int r = rowFrom; r < rowTo; r++) {
            row(colIdx, a, b, n, out, r, rowPtr[r], rowPtr[r + 1], accumulate);
        }
    }

    // out[e] (+)= dot(a[r, :], b[c, :]) for the entries [start, end) of row r
    private static void row(int[] colIdx, float[] a, float[] b, int n, float[] out,
                            int r, int start, int end, boolean accumulate) {
        int j = 0;
        for (; j + 8 * L <= n; j += 8 * L) {
            block8(colIdx, a, b, n, out, r, start, end, j, accumulate || j > 0);
        }
        if (j < n || n == 0) { // for n == 0 every dot is 0
            rest(colIdx, a, b, n, out, r, start, end, j, accumulate || j > 0);
        }
    }

    // out[e] (+)= a[r] * b[c] for n == 1.
    private static void outerProduct(int[] rowPtr, int[] colIdx, float[] a, float[] b, float[] out,
                                     int rowFrom, int rowTo, boolean accumulate) {
        for (int r = rowFrom; r < rowTo; r++) {
            float ar = a[r];
            for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                float p = ar * b[colIdx[e]];
                out[e] = accumulate ? out[e] + p : p;
            }
        }
    }

    // out[e] (+)= dot(a[r, j .. j + 8L), b[c, j .. j + 8L)) for the entries e = (r, c) of row r
    private static void block8(int[] colIdx, float[] a, float[] b, int n, float[] out,
                               int r, int start, int end, int j, boolean add) {
        int aAt = r * n + j;
        FloatVector a0 = FloatVector.fromArray(FLOATS, a, aAt);
        FloatVector a1 = FloatVector.fromArray(FLOATS, a, aAt + L);
        FloatVector a2 = FloatVector.fromArray(FLOATS, a, aAt + 2 * L);
        FloatVector a3 = FloatVector.fromArray(FLOATS, a, aAt + 3 * L);
        FloatVector a4 = FloatVector.fromArray(FLOATS, a, aAt + 4 * L);
        FloatVector a5 = FloatVector.fromArray(FLOATS, a, aAt + 5 * L);
        FloatVector a6 = FloatVector.fromArray(FLOATS, a, aAt + 6 * L);
        FloatVector a7 = FloatVector.fromArray(FLOATS, a, aAt + 7 * L);
        for (int e = start; e < end; e++) {
            int bAt = colIdx[e] * n + j;
            FloatVector even = FloatVector.fromArray(FLOATS, b, bAt).mul(a0);
            FloatVector odd = FloatVector.fromArray(FLOATS, b, bAt + L).mul(a1);
            even = FloatVector.fromArray(FLOATS, b, bAt + 2 * L).fma(a2, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 3 * L).fma(a3, odd);
            even = FloatVector.fromArray(FLOATS, b, bAt + 4 * L).fma(a4, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 5 * L).fma(a5, odd);
            even = FloatVector.fromArray(FLOATS, b, bAt + 6 * L).fma(a6, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 7 * L).fma(a7, odd);
            float s = Lanes.sum(even.add(odd));
            out[e] = add ? out[e] + s : s;
        }
    }

    // out[e] (+)= dot(a[r, j .. n), b[c, j .. n)), fewer than 8L floats, the last vector masked
    private static void rest(int[] colIdx, float[] a, float[] b, int n, float[] out,
                             int r, int start, int end, int j, boolean add) {
        int aAt = r * n;
        for (int e = start; e < end; e++) {
            int bAt = colIdx[e] * n;
            FloatVector acc = FloatVector.zero(FLOATS);
            int k = j;
            for (; k + L <= n; k += L) {
                acc = FloatVector.fromArray(FLOATS, b, bAt + k).fma(FloatVector.fromArray(FLOATS, a, aAt + k), acc);
            }
            if (k < n) {
                VectorMask<Float> m = FLOATS.indexInRange(k, n);
                acc = FloatVector.fromArray(FLOATS, b, bAt + k, m).fma(FloatVector.fromArray(FLOATS, a, aAt + k, m), acc);
            }
            float s = Lanes.sum(acc);
            out[e] = add ? out[e] + s : s;
        }
    }
}
