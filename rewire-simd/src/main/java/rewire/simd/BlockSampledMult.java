package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Sampled dense-dense product on {@code br x bc} blocks,
 * {@code out[b * br * bc + i * bc + j] (+)= dot(a[R * br + i, :], b[C * bc + j, :])} for each block
 * {@code b = (R, C)}: the weight gradient of a block-sparse layer on feature-major activations.
 *
 * <p>A block's entries are the dot products of {@code br} rows of {@code a} with {@code bc}
 * consecutive rows of {@code b}: a small dense product, done in register tiles that run along
 * the whole batch. A tile of four {@code a} rows by two {@code b} rows keeps its eight dot
 * products in eight vector accumulators; each step loads one vector of each of the six rows and
 * does eight FMAs, so each loaded vector serves two or four entries where {@link Sddmm} loads a
 * vector of {@code b} per entry. Rows of the block that do not fill a 4 x 2 tile go in tiles of
 * one {@code a} row by four {@code b} rows (1 x 16 blocks: four such tiles), the rest one entry
 * at a time. At the end of the batch (the last vector masked) each accumulator is folded once by
 * {@link Lanes#sum}.
 *
 * <p>Every entry is one FMA chain per lane over the batch in order, then the same fold, whatever
 * tile computes it, so the result depends only on {@code n} and the vector width, never on the
 * block-row range.
 */
final class BlockSampledMult {
    private BlockSampledMult() {
    }

    static void run(int br, int bc, int[] blockRowPtr, int[] blockColIdx, float[] a, float[] b, int n, float[] out,
                    int blockFrom, int blockTo, boolean accumulate) {
        int size = br * bc;
        for (int rb = blockFrom; rb < blockTo; rb++) {
            for (int t = blockRowPtr[rb]; t < blockRowPtr[rb + 1]; t++) {
                int aRow = rb * br;
                int bRow = blockColIdx[t] * bc;
                int e = t * size;
                int i = 0;
                for (; i + 4 <= br; i += 4) {
                    int j = 0;
                    for (; j + 2 <= bc; j += 2) {
                        tile4x2(a, (aRow + i) * n, b, (bRow + j) * n, n, out, e + i * bc + j, bc, accumulate);
                    }
                    for (; j < bc; j++) {
                        for (int ii = i; ii < i + 4; ii++) {
                            dot(a, (aRow + ii) * n, b, (bRow + j) * n, n, out, e + ii * bc + j, accumulate);
                        }
                    }
                }
                for (; i < br; i++) {
                    int j = 0;
                    for (; j + 4 <= bc; j += 4) {
                        tile1x4(a, (aRow + i) * n, b, (bRow + j) * n, n, out, e + i * bc + j, accumulate);
                    }
                    for (; j < bc; j++) {
                        dot(a, (aRow + i) * n, b, (bRow + j) * n, n, out, e + i * bc + j, accumulate);
                    }
                }
            }
        }
    }

    // out[e + i * bc + j] (+)= dot(a[aAt + i * n ..], b[bAt + j * n ..]) for i < 4, j < 2
    private static void tile4x2(float[] a, int aAt, float[] b, int bAt, int n, float[] out, int e, int bc,
                                boolean accumulate) {
        FloatVector c00 = FloatVector.zero(FLOATS);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int q = 0;
        for (; q + L <= n; q += L) {
            FloatVector b0 = FloatVector.fromArray(FLOATS, b, bAt + q);
            FloatVector b1 = FloatVector.fromArray(FLOATS, b, bAt + n + q);
            FloatVector a0 = FloatVector.fromArray(FLOATS, a, aAt + q);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.fromArray(FLOATS, a, aAt + n + q);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.fromArray(FLOATS, a, aAt + 2 * n + q);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.fromArray(FLOATS, a, aAt + 3 * n + q);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        if (q < n) {
            VectorMask<Float> m = FLOATS.indexInRange(q, n);
            FloatVector b0 = FloatVector.fromArray(FLOATS, b, bAt + q, m);
            FloatVector b1 = FloatVector.fromArray(FLOATS, b, bAt + n + q, m);
            FloatVector a0 = FloatVector.fromArray(FLOATS, a, aAt + q, m);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.fromArray(FLOATS, a, aAt + n + q, m);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.fromArray(FLOATS, a, aAt + 2 * n + q, m);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.fromArray(FLOATS, a, aAt + 3 * n + q, m);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        put(out, e, c00, accumulate);
        put(out, e + 1, c01, accumulate);
        put(out, e + bc, c10, accumulate);
        put(out, e + bc + 1, c11, accumulate);
        put(out, e + 2 * bc, c20, accumulate);
        put(out, e + 2 * bc + 1, c21, accumulate);
        put(out, e + 3 * bc, c30, accumulate);
        put(out, e + 3 * bc + 1, c31, accumulate);
    }

    // out[e + j] (+)= dot(a[aAt ..], b[bAt + j * n ..]) for j < 4
    private static void tile1x4(float[] a, int aAt, float[] b, int bAt, int n, float[] out, int e,
                                boolean accumulate) {
        FloatVector c0 = FloatVector.zero(FLOATS);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        int q = 0;
        for (; q + L <= n; q += L) {
            FloatVector a0 = FloatVector.fromArray(FLOATS, a, aAt + q);
            c0 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + q), c0);
            c1 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + n + q), c1);
            c2 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 2 * n + q), c2);
            c3 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 3 * n + q), c3);
        }
        if (q < n) {
            VectorMask<Float> m = FLOATS.indexInRange(q, n);
            FloatVector a0 = FloatVector.fromArray(FLOATS, a, aAt + q, m);
            c0 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + q, m), c0);
            c1 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + n + q, m), c1);
            c2 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 2 * n + q, m), c2);
            c3 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 3 * n + q, m), c3);
        }
        put(out, e, c0, accumulate);
        put(out, e + 1, c1, accumulate);
        put(out, e + 2, c2, accumulate);
        put(out, e + 3, c3, accumulate);
    }

    // out[e] (+)= dot(a[aAt ..], b[bAt ..]): one entry, the same chain as in the tiles
    private static void dot(float[] a, int aAt, float[] b, int bAt, int n, float[] out, int e, boolean accumulate) {
        FloatVector c = FloatVector.zero(FLOATS);
        int q = 0;
        for (; q + L <= n; q += L) {
            c = FloatVector.fromArray(FLOATS, a, aAt + q).fma(FloatVector.fromArray(FLOATS, b, bAt + q), c);
        }
        if (q < n) {
            VectorMask<Float> m = FLOATS.indexInRange(q, n);
            c = FloatVector.fromArray(FLOATS, a, aAt + q, m).fma(FloatVector.fromArray(FLOATS, b, bAt + q, m), c);
        }
        put(out, e, c, accumulate);
    }

    // out[e] (+)= the lanes of c, folded in Lanes' fixed order; under 35 bytes, so C2 inlines it and c stays in a register
    private static void put(float[] out, int e, FloatVector c, boolean accumulate) {
        float sum = Lanes.sum(c);
        out[e] = accumulate ? out[e] + sum : sum;
    }
}
