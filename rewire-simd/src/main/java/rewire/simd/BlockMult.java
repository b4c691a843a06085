package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Block-sparse times dense, {@code y (+)= S · x} or {@code Sᵀ · x} for a matrix {@code S} of dense
 * {@code br x bc} blocks ({@link rewire.sparse.BlockPattern}), register blocked over output rows
 * as well as over the batch.
 *
 * <p>An output block row has {@code h} rows ({@code br}, or {@code bc} transposed), and each of
 * its blocks reads {@code w} consecutive input rows ({@code bc}, or {@code br}). The kernel keeps
 * a tile of four output rows by two vectors of the batch in eight accumulators (two rows by four
 * vectors, or one row by eight, for what is left of {@code h}); for every input row of every block
 * it loads that row's slice once and adds it, times one broadcast value each, to all rows of the
 * tile. So a loaded slice of {@code x} serves up to four output rows where the CSR kernel
 * ({@link Spmm}) uses it for one, and a block's {@code w} input rows are consecutive rows of
 * {@code x} found from one column index. The batch is covered in slices of the tile's width, then
 * one masked vector per row. What that gains over CSR, and the tiles measured against this one,
 * are in bench/kernels-notes.md ("The block format").
 *
 * <p>The block values are read in place: output row {@code o} and input row {@code k} of a block
 * sit at {@code o * oStride + k * kStride} in it ({@code bc} and 1, or 1 and {@code bc} for the
 * transpose), so {@code Wᵀ · dy} needs no transposed copy of the values, only the transposed block
 * grid the facade caches. Every output element is one chain of fused multiply-adds over its block
 * row's blocks in order and each block's input rows in order, whatever tile or lane it lands in,
 * so the result does not depend on the block-row range.
 */
final class BlockMult {
    private BlockMult() {
    }

    static void run(int br, int bc, int[] blockRowPtr, int[] blockColIdx, int[] blockOf, float[] values,
                    boolean transpose, float[] x, float[] y, float[] rowStart, int n, int blockFrom, int blockTo,
                    boolean accumulate, boolean relu) {
        int h = transpose ? bc : br;
        int w = transpose ? br : bc;
        int oStride = transpose ? 1 : bc;
        int kStride = transpose ? bc : 1;
        int size = br * bc;
        // each output block row's rows in tiles of 4, then 2, then 1
        for (int rb = blockFrom; rb < blockTo; rb++) {
            int start = blockRowPtr[rb];
            int end = blockRowPtr[rb + 1];
            int whole = h / 4 * 4;
            if (whole > 0) {
                rows4(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                        rb * h, whole, accumulate, relu);
            }
            int o = whole;
            if (o + 2 <= h) {
                rows2(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                        rb * h + o, o * oStride, accumulate, relu);
                o += 2;
            }
            if (o < h) {
                rows1(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                        rb * h + o, o * oStride, accumulate, relu);
            }
        }
    }

    // the first value of output row `vo / oStride` in grid entry t's block
    private static int valueAt(int size, int[] blockOf, int t, int vo) {
        return (blockOf == null ? t : blockOf[t]) * size + vo;
    }

    private static float init(float[] rowStart, int row) {
        return rowStart == null ? 0f : rowStart[row];
    }

    // y[row .. row + count, :] (+)= the grid entries [start, end) for a multiple of 4 rows, in tiles of 4 rows by
    // 2 vectors. The batch slice is the outer loop: all tiles of a slice read the same slices of x (blocks x w
    // rows x 2 vectors, a few KB), which stay in L1 for the next tile. Then masked vectors for the rest of the batch.
    private static void rows4(int size, int w, int oStride, int kStride, int[] blockColIdx, int[] blockOf,
                              float[] values, float[] x, float[] y, float[] rowStart, int n, int start, int end,
                              int row, int count, boolean accumulate, boolean relu) {
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            for (int o = 0; o < count; o += 4) {
                slice4x2(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                        row + o, o * oStride, j, accumulate, relu);
            }
        }
        for (; j < n; j += L) {
            for (int o = 0; o < count; o++) {
                masked(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                        row + o, o * oStride, j, accumulate, relu);
            }
        }
    }

    // y[row .. row + 2, :] (+)= the grid entries [start, end), in slices of 4 vectors, then masked vectors
    private static void rows2(int size, int w, int oStride, int kStride, int[] blockColIdx, int[] blockOf,
                              float[] values, float[] x, float[] y, float[] rowStart, int n, int start, int end,
                              int row, int vo, boolean accumulate, boolean relu) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            slice2x4(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                    row, vo, j, accumulate, relu);
        }
        for (; j < n; j += L) {
            masked(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                    row, vo, j, accumulate, relu);
            masked(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                    row + 1, vo + oStride, j, accumulate, relu);
        }
    }

    // y[row, :] (+)= the grid entries [start, end), in slices of 8 vectors, then masked vectors
    private static void rows1(int size, int w, int oStride, int kStride, int[] blockColIdx, int[] blockOf,
                              float[] values, float[] x, float[] y, float[] rowStart, int n, int start, int end,
                              int row, int vo, boolean accumulate, boolean relu) {
        int j = 0;
        for (; j + 8 * L <= n; j += 8 * L) {
            slice1x8(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                    row, vo, j, accumulate, relu);
        }
        for (; j < n; j += L) {
            masked(size, w, oStride, kStride, blockColIdx, blockOf, values, x, y, rowStart, n, start, end,
                    row, vo, j, accumulate, relu);
        }
    }

    // y[row + i, j .. j + 2L) for i < 4: each loaded slice of an input row feeds four output rows
    private static void slice4x2(int size, int w, int oStride, int kStride, int[] blockColIdx, int[] blockOf,
                                 float[] values, float[] x, float[] y, float[] rowStart, int n, int start, int end,
                                 int row, int vo, int j, boolean accumulate, boolean relu) {
        int at = row * n + j;
        FloatVector a00 = start(y, at, init(rowStart, row), accumulate);
        FloatVector a01 = start(y, at + L, init(rowStart, row), accumulate);
        FloatVector a10 = start(y, at + n, init(rowStart, row + 1), accumulate);
        FloatVector a11 = start(y, at + n + L, init(rowStart, row + 1), accumulate);
        FloatVector a20 = start(y, at + 2 * n, init(rowStart, row + 2), accumulate);
        FloatVector a21 = start(y, at + 2 * n + L, init(rowStart, row + 2), accumulate);
        FloatVector a30 = start(y, at + 3 * n, init(rowStart, row + 3), accumulate);
        FloatVector a31 = start(y, at + 3 * n + L, init(rowStart, row + 3), accumulate);
        int o1 = oStride;
        int o2 = 2 * oStride;
        int o3 = 3 * oStride;
        for (int t = start; t < end; t++) {
            int v = valueAt(size, blockOf, t, vo);
            int xAt = blockColIdx[t] * w * n + j;
            for (int k = 0; k < w; k++, v += kStride, xAt += n) {
                FloatVector x0 = FloatVector.fromArray(FLOATS, x, xAt);
                FloatVector x1 = FloatVector.fromArray(FLOATS, x, xAt + L);
                FloatVector c = FloatVector.broadcast(FLOATS, values[v]);
                a00 = x0.fma(c, a00);
                a01 = x1.fma(c, a01);
                c = FloatVector.broadcast(FLOATS, values[v + o1]);
                a10 = x0.fma(c, a10);
                a11 = x1.fma(c, a11);
                c = FloatVector.broadcast(FLOATS, values[v + o2]);
                a20 = x0.fma(c, a20);
                a21 = x1.fma(c, a21);
                c = FloatVector.broadcast(FLOATS, values[v + o3]);
                a30 = x0.fma(c, a30);
                a31 = x1.fma(c, a31);
            }
        }
        store(a00, y, at, relu);
        store(a01, y, at + L, relu);
        store(a10, y, at + n, relu);
        store(a11, y, at + n + L, relu);
        store(a20, y, at + 2 * n, relu);
        store(a21, y, at + 2 * n + L, relu);
        store(a30, y, at + 3 * n, relu);
        store(a31, y, at + 3 * n + L, relu);
    }

    // y[row + i, j .. j + 4L) for i < 2
    private static void slice2x4(int size, int w, int oStride, int kStride, int[] blockColIdx, int[] blockOf,
                                 float[] values, float[] x, float[] y, float[] rowStart, int n, int start, int end,
                                 int row, int vo, int j, boolean accumulate, boolean relu) {
        int at = row * n + j;
        FloatVector a00 = start(y, at, init(rowStart, row), accumulate);
        FloatVector a01 = start(y, at + L, init(rowStart, row), accumulate);
        FloatVector a02 = start(y, at + 2 * L, init(rowStart, row), accumulate);
        FloatVector a03 = start(y, at + 3 * L, init(rowStart, row), accumulate);
        FloatVector a10 = start(y, at + n, init(rowStart, row + 1), accumulate);
        FloatVector a11 = start(y, at + n + L, init(rowStart, row + 1), accumulate);
        FloatVector a12 = start(y, at + n + 2 * L, init(rowStart, row + 1), accumulate);
        FloatVector a13 = start(y, at + n + 3 * L, init(rowStart, row + 1), accumulate);
        for (int t = start; t < end; t++) {
            int v = valueAt(size, blockOf, t, vo);
            int xAt = blockColIdx[t] * w * n + j;
            for (int k = 0; k < w; k++, v += kStride, xAt += n) {
                FloatVector c0 = FloatVector.broadcast(FLOATS, values[v]);
                FloatVector c1 = FloatVector.broadcast(FLOATS, values[v + oStride]);
                FloatVector x0 = FloatVector.fromArray(FLOATS, x, xAt);
                a00 = x0.fma(c0, a00);
                a10 = x0.fma(c1, a10);
                FloatVector x1 = FloatVector.fromArray(FLOATS, x, xAt + L);
                a01 = x1.fma(c0, a01);
                a11 = x1.fma(c1, a11);
                FloatVector x2 = FloatVector.fromArray(FLOATS, x, xAt + 2 * L);
                a02 = x2.fma(c0, a02);
                a12 = x2.fma(c1, a12);
                FloatVector x3 = FloatVector.fromArray(FLOATS, x, xAt + 3 * L);
                a03 = x3.fma(c0, a03);
                a13 = x3.fma(c1, a13);
            }
        }
        store(a00, y, at, relu);
        store(a01, y, at + L, relu);
        store(a02, y, at + 2 * L, relu);
        store(a03, y, at + 3 * L, relu);
        store(a10, y, at + n, relu);
        store(a11, y, at + n + L, relu);
        store(a12, y, at + n + 2 * L, relu);
        store(a13, y, at + n + 3 * L, relu);
    }

    // y[row, j .. j + 8L): Spmm's block8, with a block's input rows consecutive
    private static void slice1x8(int size, int w, int oStride, int kStride, int[] blockColIdx, int[] blockOf,
                                 float[] values, float[] x, float[] y, float[] rowStart, int n, int start, int end,
                                 int row, int vo, int j, boolean accumulate, boolean relu) {
        int at = row * n + j;
        float init = init(rowStart, row);
        FloatVector a0 = start(y, at, init, accumulate);
        FloatVector a1 = start(y, at + L, init, accumulate);
        FloatVector a2 = start(y, at + 2 * L, init, accumulate);
        FloatVector a3 = start(y, at + 3 * L, init, accumulate);
        FloatVector a4 = start(y, at + 4 * L, init, accumulate);
        FloatVector a5 = start(y, at + 5 * L, init, accumulate);
        FloatVector a6 = start(y, at + 6 * L, init, accumulate);
        FloatVector a7 = start(y, at + 7 * L, init, accumulate);
        for (int t = start; t < end; t++) {
            int v = valueAt(size, blockOf, t, vo);
            int xAt = blockColIdx[t] * w * n + j;
            for (int k = 0; k < w; k++, v += kStride, xAt += n) {
                FloatVector c = FloatVector.broadcast(FLOATS, values[v]);
                a0 = FloatVector.fromArray(FLOATS, x, xAt).fma(c, a0);
                a1 = FloatVector.fromArray(FLOATS, x, xAt + L).fma(c, a1);
                a2 = FloatVector.fromArray(FLOATS, x, xAt + 2 * L).fma(c, a2);
                a3 = FloatVector.fromArray(FLOATS, x, xAt + 3 * L).fma(c, a3);
                a4 = FloatVector.fromArray(FLOATS, x, xAt + 4 * L).fma(c, a4);
                a5 = FloatVector.fromArray(FLOATS, x, xAt + 5 * L).fma(c, a5);
                a6 = FloatVector.fromArray(FLOATS, x, xAt + 6 * L).fma(c, a6);
                a7 = FloatVector.fromArray(FLOATS, x, xAt + 7 * L).fma(c, a7);
            }
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

    // y[row, j .. min(j + L, n)), masked so it also covers the last n mod L floats
    private static void masked(int size, int w, int oStride, int kStride, int[] blockColIdx, int[] blockOf,
                               float[] values, float[] x, float[] y, float[] rowStart, int n, int start, int end,
                               int row, int vo, int j, boolean accumulate, boolean relu) {
        VectorMask<Float> m = FLOATS.indexInRange(j, n);
        int at = row * n + j;
        FloatVector a = accumulate ? FloatVector.fromArray(FLOATS, y, at, m)
                : FloatVector.broadcast(FLOATS, init(rowStart, row));
        for (int t = start; t < end; t++) {
            int v = valueAt(size, blockOf, t, vo);
            int xAt = blockColIdx[t] * w * n + j;
            for (int k = 0; k < w; k++, v += kStride, xAt += n) {
                a = FloatVector.fromArray(FLOATS, x, xAt, m).fma(FloatVector.broadcast(FLOATS, values[v]), a);
            }
        }
        (relu ? a.max(0f) : a).intoArray(y, at, m);
    }

    private static FloatVector start(float[] y, int at, float init, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(FLOATS, y, at) : FloatVector.broadcast(FLOATS, init);
    }

    // a finished slice of an output row, clamped at zero when the layer is fused with its ReLU
    private static void store(FloatVector a, float[] y, int at, boolean relu) {
        (relu ? a.max(0f) : a).intoArray(y, at);
    }
}
