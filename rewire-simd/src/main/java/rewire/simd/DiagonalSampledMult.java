package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Sampled dense-dense product on K wrap-around diagonals,
 * {@code out[k * D + i] (+)= dot(a[r, :], b[c, :])} for position {@code (r, c)} of diagonal k:
 * the weight gradient of a diagonal layer on feature-major activations, laid out like
 * {@link Sddmm}.
 *
 * <p>Position {@code i} of every diagonal lies in row {@code i} of the short side ({@code b},
 * the input, when {@code rows >= cols}; else {@code a}), so a slice of eight vectors of that row
 * stays in registers while the K diagonals stream by, each loading row {@code i + p mod P} of
 * the long side (computed, not loaded from an index array) and multiplying it in two interleaved
 * FMA chains folded once by {@link Lanes#sum}. Consecutive positions read consecutive long-side
 * rows. Batches longer than eight vectors take several passes, each adding its sum to the entry;
 * the rest of the batch is a plain vector dot with the last vector masked. An entry's arithmetic
 * depends only on {@code n} and the vector width, never on the range.
 */
final class DiagonalSampledMult {
    private DiagonalSampledMult() {
    }

    static void run(int rows, int cols, int[] diagonals, float[] a, float[] b, int n, float[] out,
                    int from, int to, boolean accumulate) {
        boolean tall = rows >= cols;
        float[] shortSide = tall ? b : a;
        float[] longSide = tall ? a : b;
        int count = Math.max(rows, cols);
        int d = Math.min(rows, cols);
        for (int i = from; i < to; i++) {
            int j = 0;
            for (; j + 8 * L <= n; j += 8 * L) {
                block8(diagonals, shortSide, longSide, n, out, i, j, count, d, accumulate || j > 0);
            }
            if (j < n || n == 0) { // for n == 0 every dot is 0
                rest(diagonals, shortSide, longSide, n, out, i, j, count, d, accumulate || j > 0);
            }
        }
    }

    // the long-side row of position i of diagonal p
    private static int longRow(int i, int p, int count) {
        int r = i + p;
        return r >= count ? r - count : r;
    }

    // out[k * D + i] (+)= dot(s[i, j .. j + 8L), l[i + p_k mod P, j .. j + 8L)) for every diagonal k
    private static void block8(int[] diagonals, float[] s, float[] l, int n, float[] out, int i, int j, int count,
                               int d, boolean add) {
        int sAt = i * n + j;
        FloatVector s0 = FloatVector.fromArray(FLOATS, s, sAt);
        FloatVector s1 = FloatVector.fromArray(FLOATS, s, sAt + L);
        FloatVector s2 = FloatVector.fromArray(FLOATS, s, sAt + 2 * L);
        FloatVector s3 = FloatVector.fromArray(FLOATS, s, sAt + 3 * L);
        FloatVector s4 = FloatVector.fromArray(FLOATS, s, sAt + 4 * L);
        FloatVector s5 = FloatVector.fromArray(FLOATS, s, sAt + 5 * L);
        FloatVector s6 = FloatVector.fromArray(FLOATS, s, sAt + 6 * L);
        FloatVector s7 = FloatVector.fromArray(FLOATS, s, sAt + 7 * L);
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int k = 0; k < diagonals.length; k++) {
            int lAt = longRow(i, diagonals[k], count) * n + j;
            FloatVector even = FloatVector.fromArray(FLOATS, l, lAt).fma(s0, zero);
            FloatVector odd = FloatVector.fromArray(FLOATS, l, lAt + L).fma(s1, zero);
            even = FloatVector.fromArray(FLOATS, l, lAt + 2 * L).fma(s2, even);
            odd = FloatVector.fromArray(FLOATS, l, lAt + 3 * L).fma(s3, odd);
            even = FloatVector.fromArray(FLOATS, l, lAt + 4 * L).fma(s4, even);
            odd = FloatVector.fromArray(FLOATS, l, lAt + 5 * L).fma(s5, odd);
            even = FloatVector.fromArray(FLOATS, l, lAt + 6 * L).fma(s6, even);
            odd = FloatVector.fromArray(FLOATS, l, lAt + 7 * L).fma(s7, odd);
            float sum = Lanes.sum(even.add(odd));
            int e = k * d + i;
            out[e] = add ? out[e] + sum : sum;
        }
    }

    // out[k * D + i] (+)= dot over [j, n), fewer than 8L floats, the last vector masked
    private static void rest(int[] diagonals, float[] s, float[] l, int n, float[] out, int i, int j, int count,
                             int d, boolean add) {
        int sAt = i * n;
        for (int k = 0; k < diagonals.length; k++) {
            int lAt = longRow(i, diagonals[k], count) * n;
            FloatVector acc = FloatVector.zero(FLOATS);
            int q = j;
            for (; q + L <= n; q += L) {
                acc = FloatVector.fromArray(FLOATS, l, lAt + q).fma(FloatVector.fromArray(FLOATS, s, sAt + q), acc);
            }
            if (q < n) {
                VectorMask<Float> m = FLOATS.indexInRange(q, n);
                acc = FloatVector.fromArray(FLOATS, l, lAt + q, m).fma(FloatVector.fromArray(FLOATS, s, sAt + q, m), acc);
            }
            float sum = Lanes.sum(acc);
            int e = k * d + i;
            out[e] = add ? out[e] + sum : sum;
        }
    }
}
