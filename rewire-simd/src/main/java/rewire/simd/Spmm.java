package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * Sparse times dense, {@code y (rows, n) (+)= S (rows, cols) · x (cols, n)}, register blocked.
 *
 * <p>For one output row, a block of up to eight vectors of the batch is held in registers while
 * the row's nonzeros stream by: each nonzero broadcasts its weight and adds weight times a
 * contiguous slice of an {@code x} row with one FMA per vector. The output row is written once per
 * block, never read back in between, so the only memory traffic per nonzero is the {@code x}
 * slice, its column index and its weight. Java cannot keep an array of vectors in registers, so
 * the block widths 8, 4, 2 and 1 are each written out; a masked vector covers the last
 * {@code n mod L} floats.
 *
 * <p>For the common batch of eight vectors ({@code n = 8L}) the vectors are laid on
 * {@code x}'s memory grid (see {@link Alignment}): nine aligned loads per nonzero instead of
 * eight that straddle cache lines. Every output element is one chain of fused multiply-adds over
 * its row's nonzeros in pattern order, whatever grid, block or lane it lands in, so the result
 * depends neither on the row range nor on where the arrays sit in memory.
 * A batch of one ({@code n == 1}) has no vector dimension; it is a plain gather dot per row.
 */
final class Spmm {
    private Spmm() {
    }

    static void run(int[] rowPtr, int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                    float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate, boolean relu) {
        rows(rowPtr, 0, colIdx, values, valueIndex, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
    }

    /**
     * The same for a constant fan-in pattern in condensed form ({@link rewire.sparse.FanInPattern}):
     * its rows are CSR rows whose bounds are computed, {@code [r * k, r * k + k)}, so every row
     * runs this class's row kernels with no row pointer to load. Processing two rows with the same
     * trip count in one loop measured slower at 10% density: 0.81-0.91x CSR's speed with four
     * vectors of each row's batch in registers, 0.69-0.70x with eight (spilling on AVX2), against
     * 0.89-1.00x for this (bench/kernels-notes.md).
     */
    static void fanIn(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart, int n,
                      int rowFrom, int rowTo, boolean accumulate, boolean relu) {
        rows(null, k, colIdx, values, null, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
    }

    // rows [rowFrom, rowTo) of the pattern whose row r holds the entries [first(r), first(r + 1))
    private static void rows(int[] rowPtr, int k, int[] colIdx, float[] values, int[] valueIndex, float[] x,
                             float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate,
                             boolean relu) {
        if (n == 1) {
            gatherDot(rowPtr, k, colIdx, values, valueIndex, x, y, rowStart, rowFrom, rowTo, accumulate, relu);
            return;
        }
        run(rowPtr, k, colIdx, values, valueIndex, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu,
                n == 8 * L ? Alignment.lead(x) : 0);
    }

    // the first entry of row r: rowPtr[r], or r * k for a condensed fan-in pattern (rowPtr null)
    private static int first(int[] rowPtr, int k, int r) {
        return rowPtr == null ? r * k : rowPtr[r];
    }

    /**
     * The same for {@code n > 1}, with {@code lead} the floats from {@code x[0]} to the next vector
     * boundary in memory (0 takes the plain grid). Any lead gives the same bits; only the speed
     * depends on it being the true one. Package-private so tests can try every lead.
     */
    static void run(int[] rowPtr, int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                    float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate, boolean relu, int lead) {
        run(rowPtr, 0, colIdx, values, valueIndex, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu, lead);
    }

    private static void run(int[] rowPtr, int k, int[] colIdx, float[] values, int[] valueIndex, float[] x,
                            float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate,
                            boolean relu, int lead) {
        assert lead == 0 || n == 8 * L : "a shifted grid needs n = 8L, got n = " + n + ", lead " + lead;
        for (int r = rowFrom; r < rowTo; r++) {
            float init = rowStart == null ? 0f : rowStart[r];
            int start = first(rowPtr, k, r);
            int end = first(rowPtr, k, r + 1);
            if (lead == 0) {
                row(colIdx, values, valueIndex, x, y, n, r, start, end, init, accumulate, relu);
            } else {
                alignedRow(colIdx, values, valueIndex, x, y, r, start, end, lead, init, accumulate);
            }
        }
        // On the plain grid the blocks clamp their accumulators as they store them (AVX2's batch
        // of 128 = 16L: the separate pass took 3% of a 1% run's CPU). block9's rows get one pass
        // over the rows just computed, which are still in cache: clamping each row one row behind
        // the row being computed cost three times as much (25 against 8 us on a 1000 x 128 layer
        // at 1%), and clamping block9's accumulators made C2 box them.
        if (relu && lead != 0) {
            OnGrid.relu(y, rowFrom * n, rowTo * n, Alignment.lead(y));
        }
    }

    // y[r, :] (+)= the entries [start, end) of row r, in register blocks of 8, 4, 2, 1 vectors;
    // without accumulate every element's chain starts from init (the row's bias, or 0)
    private static void row(int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y, int n,
                            int r, int start, int end, float init, boolean accumulate, boolean relu) {
        int yRow = r * n;
        int j = 0;
        for (; j + 8 * L <= n; j += 8 * L) {
            block8(colIdx, values, valueIndex, x, y, n, start, end, yRow, j, init, accumulate, relu);
        }
        if (j + 4 * L <= n) {
            block4(colIdx, values, valueIndex, x, y, n, start, end, yRow, j, init, accumulate, relu);
            j += 4 * L;
        }
        if (j + 2 * L <= n) {
            block2(colIdx, values, valueIndex, x, y, n, start, end, yRow, j, init, accumulate, relu);
            j += 2 * L;
        }
        for (; j < n; j += L) {
            block1(colIdx, values, valueIndex, x, y, n, start, end, yRow, j, init, accumulate, relu);
        }
    }

    private static float weight(float[] values, int[] valueIndex, int e) {
        return valueIndex == null ? values[e] : values[valueIndex[e]];
    }

    // y[r] (+)= sum_e w(e) * x[colIdx[e]] for n == 1; four interleaved partial sums hide the
    // latency of the add chain, and are combined in a fixed order.
    private static void gatherDot(int[] rowPtr, int k, int[] colIdx, float[] values, int[] valueIndex,
                                  float[] x, float[] y, float[] rowStart, int rowFrom, int rowTo, boolean accumulate,
                                  boolean relu) {
        for (int r = rowFrom; r < rowTo; r++) {
            int e = first(rowPtr, k, r);
            int end = first(rowPtr, k, r + 1);
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            for (; e + 4 <= end; e += 4) {
                s0 = Math.fma(weight(values, valueIndex, e), x[colIdx[e]], s0);
                s1 = Math.fma(weight(values, valueIndex, e + 1), x[colIdx[e + 1]], s1);
                s2 = Math.fma(weight(values, valueIndex, e + 2), x[colIdx[e + 2]], s2);
                s3 = Math.fma(weight(values, valueIndex, e + 3), x[colIdx[e + 3]], s3);
            }
            for (; e < end; e++) {
                s0 = Math.fma(weight(values, valueIndex, e), x[colIdx[e]], s0);
            }
            float sum = (s0 + s1) + (s2 + s3);
            float v = accumulate ? y[r] + sum : (rowStart == null ? 0f : rowStart[r]) + sum;
            y[r] = relu ? Math.max(v, 0f) : v;
        }
    }

    // y[r, j .. j + 8L) (+)= sum_e w(e) * x[colIdx[e], j .. j + 8L)
    private static void block8(int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                               int n, int start, int end, int yRow, int j, float init, boolean accumulate,
                               boolean relu) {
        int at = yRow + j;
        FloatVector a0 = start(y, at, init, accumulate);
        FloatVector a1 = start(y, at + L, init, accumulate);
        FloatVector a2 = start(y, at + 2 * L, init, accumulate);
        FloatVector a3 = start(y, at + 3 * L, init, accumulate);
        FloatVector a4 = start(y, at + 4 * L, init, accumulate);
        FloatVector a5 = start(y, at + 5 * L, init, accumulate);
        FloatVector a6 = start(y, at + 6 * L, init, accumulate);
        FloatVector a7 = start(y, at + 7 * L, init, accumulate);
        for (int e = start; e < end; e++) {
            FloatVector w = FloatVector.broadcast(FLOATS, weight(values, valueIndex, e));
            int xAt = colIdx[e] * n + j;
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

    // y[r, :] (+)= the entries [start, end) of row r for n = 8L, on x's memory grid. The grid's
    // head and tail vectors reach into the neighbouring rows of x, which do not exist before
    // row 0 and after the last row; entries in those rows go through block8 on their own, in
    // their turn, so every element's chain of multiply-adds keeps its order.
    private static void alignedRow(int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                                   int r, int start, int end, int lead, float init, boolean accumulate) {
        int n = 8 * L;
        int lastSafe = (x.length - lead) / n - 1; // the last x row whose tail vector is in bounds
        int from = start;
        int to = end;
        boolean add = accumulate;
        if (from < to && colIdx[from] == 0) {
            block8(colIdx, values, valueIndex, x, y, n, from, from + 1, r * n, 0, init, add, false);
            from++;
            add = true;
        }
        while (to > from && colIdx[to - 1] > lastSafe) {
            to--;
        }
        block9(colIdx, values, valueIndex, x, y, from, to, r * n, lead, init, add);
        if (to < end) {
            block8(colIdx, values, valueIndex, x, y, n, to, end, r * n, 0, init, true, false);
        }
    }

    // y[r, :] (+)= sum_e w(e) * x[colIdx[e], :] for n = 8L when x's rows start lead floats before
    // a vector boundary: nine aligned vectors (a head that starts L - lead floats before the row,
    // seven whole vectors, a tail that ends lead floats after it) instead of eight that each
    // straddle a boundary. The head's low lanes and the tail's high lanes belong to other rows:
    // they accumulate junk that is never written back. Each lane still sums its batch element's
    // terms in entry order, so the bits equal block8's.
    private static void block9(int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                               int start, int end, int yRow, int lead, float init, boolean accumulate) {
        int n = 8 * L;
        int shift = lead - L;
        VectorShuffle<Float> toGrid = Lanes.rotation(lead);     // lane i of a row slice -> its grid lane
        VectorShuffle<Float> toRow = Lanes.rotation(L - lead);  // and back
        VectorMask<Float> first = FLOATS.indexInRange(0, lead); // the row's first lead floats
        int at = yRow + lead;
        FloatVector h = accumulate ? FloatVector.fromArray(FLOATS, y, yRow).rearrange(toGrid)
                : FloatVector.broadcast(FLOATS, init);
        FloatVector a1 = start(y, at, init, accumulate);
        FloatVector a2 = start(y, at + L, init, accumulate);
        FloatVector a3 = start(y, at + 2 * L, init, accumulate);
        FloatVector a4 = start(y, at + 3 * L, init, accumulate);
        FloatVector a5 = start(y, at + 4 * L, init, accumulate);
        FloatVector a6 = start(y, at + 5 * L, init, accumulate);
        FloatVector a7 = start(y, at + 6 * L, init, accumulate);
        FloatVector t = accumulate ? FloatVector.fromArray(FLOATS, y, yRow + 7 * L).rearrange(toGrid)
                : FloatVector.broadcast(FLOATS, init);
        for (int e = start; e < end; e++) {
            FloatVector w = FloatVector.broadcast(FLOATS, weight(values, valueIndex, e));
            int xAt = colIdx[e] * n + shift;
            h = FloatVector.fromArray(FLOATS, x, xAt).fma(w, h);
            a1 = FloatVector.fromArray(FLOATS, x, xAt + L).fma(w, a1);
            a2 = FloatVector.fromArray(FLOATS, x, xAt + 2 * L).fma(w, a2);
            a3 = FloatVector.fromArray(FLOATS, x, xAt + 3 * L).fma(w, a3);
            a4 = FloatVector.fromArray(FLOATS, x, xAt + 4 * L).fma(w, a4);
            a5 = FloatVector.fromArray(FLOATS, x, xAt + 5 * L).fma(w, a5);
            a6 = FloatVector.fromArray(FLOATS, x, xAt + 6 * L).fma(w, a6);
            a7 = FloatVector.fromArray(FLOATS, x, xAt + 7 * L).fma(w, a7);
            t = FloatVector.fromArray(FLOATS, x, xAt + 8 * L).fma(w, t);
        }
        // Head and tail merge into whole row slices first; the middle vectors then overwrite the
        // stale parts of those slices. Nothing outside row r is written.
        FloatVector.fromArray(FLOATS, y, yRow).blend(h.rearrange(toRow), first).intoArray(y, yRow);
        FloatVector.fromArray(FLOATS, y, yRow + 7 * L).blend(t.rearrange(toRow), first.not())
                .intoArray(y, yRow + 7 * L);
        a1.intoArray(y, at);
        a2.intoArray(y, at + L);
        a3.intoArray(y, at + 2 * L);
        a4.intoArray(y, at + 3 * L);
        a5.intoArray(y, at + 4 * L);
        a6.intoArray(y, at + 5 * L);
        a7.intoArray(y, at + 6 * L);
    }

    // y[r, j .. j + 4L) (+)= sum_e w(e) * x[colIdx[e], j .. j + 4L)
    private static void block4(int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                               int n, int start, int end, int yRow, int j, float init, boolean accumulate,
                               boolean relu) {
        int at = yRow + j;
        FloatVector a0 = start(y, at, init, accumulate);
        FloatVector a1 = start(y, at + L, init, accumulate);
        FloatVector a2 = start(y, at + 2 * L, init, accumulate);
        FloatVector a3 = start(y, at + 3 * L, init, accumulate);
        for (int e = start; e < end; e++) {
            FloatVector w = FloatVector.broadcast(FLOATS, weight(values, valueIndex, e));
            int xAt = colIdx[e] * n + j;
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

    // y[r, j .. j + 2L) (+)= sum_e w(e) * x[colIdx[e], j .. j + 2L)
    private static void block2(int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                               int n, int start, int end, int yRow, int j, float init, boolean accumulate,
                               boolean relu) {
        int at = yRow + j;
        FloatVector a0 = start(y, at, init, accumulate);
        FloatVector a1 = start(y, at + L, init, accumulate);
        for (int e = start; e < end; e++) {
            FloatVector w = FloatVector.broadcast(FLOATS, weight(values, valueIndex, e));
            int xAt = colIdx[e] * n + j;
            a0 = FloatVector.fromArray(FLOATS, x, xAt).fma(w, a0);
            a1 = FloatVector.fromArray(FLOATS, x, xAt + L).fma(w, a1);
        }
        store(a0, y, at, relu);
        store(a1, y, at + L, relu);
    }

    // y[r, j .. min(j + L, n)) (+)= ..., masked so it also covers the last n mod L floats
    private static void block1(int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                               int n, int start, int end, int yRow, int j, float init, boolean accumulate,
                               boolean relu) {
        VectorMask<Float> m = FLOATS.indexInRange(j, n);
        int at = yRow + j;
        FloatVector a0 = start(y, at, m, init, accumulate);
        for (int e = start; e < end; e++) {
            FloatVector w = FloatVector.broadcast(FLOATS, weight(values, valueIndex, e));
            a0 = FloatVector.fromArray(FLOATS, x, colIdx[e] * n + j, m).fma(w, a0);
        }
        (relu ? a0.max(0f) : a0).intoArray(y, at, m);
    }

    // a finished slice of an output row, clamped at zero when the layer is fused with its ReLU;
    // small enough (under 35 bytes) for C2 to inline, so the vector is never boxed
    private static void store(FloatVector a, float[] y, int at, boolean relu) {
        (relu ? a.max(0f) : a).intoArray(y, at);
    }

    private static FloatVector start(float[] y, int at, float init, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(FLOATS, y, at) : FloatVector.broadcast(FLOATS, init);
    }

    private static FloatVector start(float[] y, int at, VectorMask<Float> m, float init, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(FLOATS, y, at, m) : FloatVector.broadcast(FLOATS, init);
    }
}
