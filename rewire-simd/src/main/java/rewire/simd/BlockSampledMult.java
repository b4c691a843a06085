package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

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
 * one {@code a} row by eight {@code b} rows (1 x 16 blocks: two such tiles), the rest one entry
 * at a time. After the last whole vector of the batch the accumulators are folded in
 * {@link Lanes#sum}'s order, two entries per vector in the tiles ({@link #foldFirst}); the last
 * {@code n mod L} products of every entry of the block are added afterwards, as one scalar FMA
 * chain per entry.
 *
 * <p>Why the tiles neither call {@link Lanes#sum} per entry nor mask their last vector, as the
 * other kernels do: a vector passed to a method C2 does not inline is boxed, and a tile with
 * eight sums (and a masked copy of its loop) ran over C2's {@code NodeCountInliningCutoff} at its
 * seventh and eighth sums, allocating once per tile; the 4 x 4 weight gradient then took 1.0 or
 * 3-4 ms per call depending on the compilation, and 0.7 ms with the folds written out in the tile
 * (bench/kernels-notes.md). Every entry is one FMA chain per lane over the whole vectors, the same
 * fold, then the same scalar chain over the rest, whatever tile computes it, so the result
 * depends only on {@code n} and the vector width, never on the block-row range.
 */
final class BlockSampledMult {
    // the upper half of the lanes, and the rotation by half of them
    private static final VectorMask<Float> HIGH = FLOATS.indexInRange(0, L / 2).not();
    private static final VectorShuffle<Float> HALF = Lanes.rotation(L / 2);

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
                    for (; j + 8 <= bc; j += 8) {
                        tile1x8(a, (aRow + i) * n, b, (bRow + j) * n, n, out, e + i * bc + j, accumulate);
                    }
                    for (; j < bc; j++) {
                        dot(a, (aRow + i) * n, b, (bRow + j) * n, n, out, e + i * bc + j, accumulate);
                    }
                }
                if (n % L != 0) {
                    tails(br, bc, a, aRow, b, bRow, n, out, e);
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
        // each row's two entries folded together, written out here: eight calls of put passing a
        // vector made C2 run out of its node budget and box the last one
        FloatVector p0 = foldFirst(c00, c01);
        FloatVector p1 = foldFirst(c10, c11);
        FloatVector p2 = foldFirst(c20, c21);
        FloatVector p3 = foldFirst(c30, c31);
        for (int by = L / 4; by > 0; by /= 2) {
            VectorShuffle<Float> rotation = Lanes.rotation(by);
            p0 = p0.add(p0.rearrange(rotation));
            p1 = p1.add(p1.rearrange(rotation));
            p2 = p2.add(p2.rearrange(rotation));
            p3 = p3.add(p3.rearrange(rotation));
        }
        write(out, e, p0.lane(0), accumulate);
        write(out, e + 1, p0.lane(L / 2), accumulate);
        write(out, e + bc, p1.lane(0), accumulate);
        write(out, e + bc + 1, p1.lane(L / 2), accumulate);
        write(out, e + 2 * bc, p2.lane(0), accumulate);
        write(out, e + 2 * bc + 1, p2.lane(L / 2), accumulate);
        write(out, e + 3 * bc, p3.lane(0), accumulate);
        write(out, e + 3 * bc + 1, p3.lane(L / 2), accumulate);
    }

    // out[e + j] (+)= dot(a[aAt ..], b[bAt + j * n ..]) for j < 8: one loaded vector of a serves eight entries
    private static void tile1x8(float[] a, int aAt, float[] b, int bAt, int n, float[] out, int e,
                                boolean accumulate) {
        FloatVector c0 = FloatVector.zero(FLOATS);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int q = 0; q + L <= n; q += L) {
            FloatVector a0 = FloatVector.fromArray(FLOATS, a, aAt + q);
            c0 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + q), c0);
            c1 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + n + q), c1);
            c2 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 2 * n + q), c2);
            c3 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 3 * n + q), c3);
            c4 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 4 * n + q), c4);
            c5 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 5 * n + q), c5);
            c6 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 6 * n + q), c6);
            c7 = a0.fma(FloatVector.fromArray(FLOATS, b, bAt + 7 * n + q), c7);
        }
        // folded in pairs and written out here, as in tile4x2
        FloatVector p0 = foldFirst(c0, c1);
        FloatVector p1 = foldFirst(c2, c3);
        FloatVector p2 = foldFirst(c4, c5);
        FloatVector p3 = foldFirst(c6, c7);
        for (int by = L / 4; by > 0; by /= 2) {
            VectorShuffle<Float> rotation = Lanes.rotation(by);
            p0 = p0.add(p0.rearrange(rotation));
            p1 = p1.add(p1.rearrange(rotation));
            p2 = p2.add(p2.rearrange(rotation));
            p3 = p3.add(p3.rearrange(rotation));
        }
        write(out, e, p0.lane(0), accumulate);
        write(out, e + 1, p0.lane(L / 2), accumulate);
        write(out, e + 2, p1.lane(0), accumulate);
        write(out, e + 3, p1.lane(L / 2), accumulate);
        write(out, e + 4, p2.lane(0), accumulate);
        write(out, e + 5, p2.lane(L / 2), accumulate);
        write(out, e + 6, p3.lane(0), accumulate);
        write(out, e + 7, p3.lane(L / 2), accumulate);
    }

    // out[e] (+)= dot(a[aAt ..], b[bAt ..]): one entry, the same arithmetic as in the tiles
    private static void dot(float[] a, int aAt, float[] b, int bAt, int n, float[] out, int e, boolean accumulate) {
        FloatVector c = FloatVector.zero(FLOATS);
        int q = 0;
        for (; q + L <= n; q += L) {
            c = FloatVector.fromArray(FLOATS, a, aAt + q).fma(FloatVector.fromArray(FLOATS, b, bAt + q), c);
        }
        put(out, e, c, accumulate);
    }

    // out[e] (+)= the lanes of c, folded in Lanes' fixed order; under 35 bytes, so C2 inlines it and c stays in a
    // register, as long as the caller is under C2's node budget (a single entry here)
    private static void put(float[] out, int e, FloatVector c, boolean accumulate) {
        write(out, e, Lanes.sum(c), accumulate);
    }

    private static void write(float[] out, int e, float sum, boolean accumulate) {
        out[e] = accumulate ? out[e] + sum : sum;
    }

    // Lanes.sum's first fold of a and of b in one vector: lanes below L/2 hold a[i] + a[i + L/2], the
    // others b[i - L/2] + b[i], so the later folds by L/4 .. 1 leave a's sum in lane 0 and b's in lane L/2,
    // each the bits Lanes.sum gives (the two terms of b's first sums are swapped: addition commutes)
    private static FloatVector foldFirst(FloatVector a, FloatVector b) {
        return a.blend(b, HIGH).add(b.blend(a, HIGH).rearrange(HALF));
    }

    // out[block's entries] += the products of the last n mod L floats of the batch, in order, after the tiles
    private static void tails(int br, int bc, float[] a, int aRow, float[] b, int bRow, int n, float[] out, int e) {
        for (int i = 0; i < br; i++) {
            for (int j = 0; j < bc; j++) {
                float sum = 0f;
                for (int q = n - n % L; q < n; q++) {
                    sum = Math.fma(a[(aRow + i) * n + q], b[(bRow + j) * n + q], sum);
                }
                out[e + i * bc + j] += sum;
            }
        }
    }
}
