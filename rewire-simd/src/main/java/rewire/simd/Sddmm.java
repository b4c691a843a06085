package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * Sampled dense-dense product, {@code out[e] (+)= dot(a[r, :], b[c, :])} for every entry
 * {@code e = (r, c)} of a CSR pattern: the weight gradient {@code dW = (dy · xᵀ)|W} on
 * feature-major activations.
 *
 * <p>A slice of eight vectors of {@code a}'s row stays in registers while the row's entries
 * stream by, so each entry loads only its {@code b} slice, multiplies it in two interleaved FMA
 * chains (half the latency of one) and folds the lanes once.
 * Batches longer than eight vectors take several such passes, adding each pass's sum to
 * {@code out[e]}; the rest of the batch (fewer than eight vectors, the last one masked) is a
 * plain vector dot. For a batch of exactly eight vectors the loads follow {@code b}'s memory
 * grid (see {@link Alignment}) with the same bits. The arithmetic of an entry depends only on
 * {@code n} and the vector width, never on the row range or on where the arrays sit.
 *
 * <p>With a gate (a ReLU's output), {@code a} is first zeroed where the gate is not positive, in
 * place, over the rows of the range ({@link OnGrid#gate}).
 */
final class Sddmm {
    private Sddmm() {
    }

    static void run(int[] rowPtr, int[] colIdx, float[] a, float[] aGate, float[] b, int n, float[] out,
                    int rowFrom, int rowTo, boolean accumulate) {
        if (n == 1) {
            outerProduct(rowPtr, 0, colIdx, a, aGate, b, out, rowFrom, rowTo, accumulate);
            return;
        }
        run(rowPtr, colIdx, a, aGate, b, n, out, rowFrom, rowTo, accumulate, n == 8 * L ? Alignment.lead(b) : 0);
    }

    /**
     * The same for {@code n > 1}, with {@code lead} the floats from {@code b[0]} to the next vector
     * boundary in memory (0 takes the plain grid). Any lead gives the same bits; only the speed
     * depends on it being the true one. Package-private so tests can try every lead.
     */
    static void run(int[] rowPtr, int[] colIdx, float[] a, float[] aGate, float[] b, int n, float[] out,
                    int rowFrom, int rowTo, boolean accumulate, int lead) {
        assert lead == 0 || n == 8 * L : "a shifted grid needs n = 8L, got n = " + n + ", lead " + lead;
        // One pass before the products, on a's grid; gating each row one row ahead of the row
        // being multiplied cost more (20 against 11 us on a 1000 x 128 layer at 1%).
        if (aGate != null) {
            OnGrid.gate(a, aGate, rowFrom * n, rowTo * n, Alignment.lead(a));
        }
        rows(rowPtr, 0, colIdx, a, b, n, out, rowFrom, rowTo, accumulate, lead);
    }

    /**
     * The same, ungated, for a constant fan-in pattern in condensed form
     * ({@link rewire.sparse.FanInPattern}): its rows are CSR rows whose bounds are computed,
     * {@code [r * k, r * k + k)}, so every row runs this class's row kernels with no row pointer to
     * load. Two rows in one loop would hold two slices of {@code a} (sixteen registers on AVX2) or
     * halve the slice and double the lane sums per entry; the forward's two-row variant measured
     * slower ({@link Spmm#fanIn}).
     */
    static void fanIn(int k, int[] colIdx, float[] a, float[] b, int n, float[] out, int rowFrom, int rowTo,
                      boolean accumulate) {
        if (n == 1) {
            outerProduct(null, k, colIdx, a, null, b, out, rowFrom, rowTo, accumulate);
            return;
        }
        rows(null, k, colIdx, a, b, n, out, rowFrom, rowTo, accumulate, n == 8 * L ? Alignment.lead(b) : 0);
    }

    // rows [rowFrom, rowTo) of the pattern whose row r holds the entries [first(r), first(r + 1))
    private static void rows(int[] rowPtr, int k, int[] colIdx, float[] a, float[] b, int n, float[] out,
                             int rowFrom, int rowTo, boolean accumulate, int lead) {
        for (int r = rowFrom; r < rowTo; r++) {
            int start = first(rowPtr, k, r);
            int end = first(rowPtr, k, r + 1);
            if (lead == 0) {
                row(colIdx, a, b, n, out, r, start, end, accumulate);
            } else {
                alignedRow(colIdx, a, b, out, r, start, end, lead, accumulate);
            }
        }
    }

    // the first entry of row r: rowPtr[r], or r * k for a condensed fan-in pattern (rowPtr null)
    private static int first(int[] rowPtr, int k, int r) {
        return rowPtr == null ? r * k : rowPtr[r];
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
    private static void outerProduct(int[] rowPtr, int k, int[] colIdx, float[] a, float[] aGate, float[] b,
                                     float[] out, int rowFrom, int rowTo, boolean accumulate) {
        for (int r = rowFrom; r < rowTo; r++) {
            if (aGate != null && !(aGate[r] > 0)) {
                a[r] = 0f;
            }
            float ar = a[r];
            for (int e = first(rowPtr, k, r), end = first(rowPtr, k, r + 1); e < end; e++) {
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
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int e = start; e < end; e++) {
            int bAt = colIdx[e] * n + j;
            FloatVector even = FloatVector.fromArray(FLOATS, b, bAt).fma(a0, zero);
            FloatVector odd = FloatVector.fromArray(FLOATS, b, bAt + L).fma(a1, zero);
            even = FloatVector.fromArray(FLOATS, b, bAt + 2 * L).fma(a2, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 3 * L).fma(a3, odd);
            even = FloatVector.fromArray(FLOATS, b, bAt + 4 * L).fma(a4, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 5 * L).fma(a5, odd);
            even = FloatVector.fromArray(FLOATS, b, bAt + 6 * L).fma(a6, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 7 * L).fma(a7, odd);
            float sum = Lanes.sum(even.add(odd));
            out[e] = add ? out[e] + sum : sum;
        }
    }

    // block9 for the entries [start, end) of row r; entries in b's first row and in rows whose
    // tail vector would run past b's end take block8 (each entry's dot stands alone).
    private static void alignedRow(int[] colIdx, float[] a, float[] b, float[] out,
                                   int r, int start, int end, int lead, boolean add) {
        int n = 8 * L;
        int lastSafe = (b.length - lead) / n - 1; // the last b row whose tail vector is in bounds
        int from = start;
        int to = end;
        if (from < to && colIdx[from] == 0) {
            block8(colIdx, a, b, n, out, r, from, from + 1, 0, add);
            from++;
        }
        while (to > from && colIdx[to - 1] > lastSafe) {
            to--;
        }
        block9(colIdx, a, b, out, r, from, to, lead, add);
        block8(colIdx, a, b, n, out, r, to, end, 0, add);
    }

    // block8 for n = 8L when b's rows start lead floats before a vector boundary: nine aligned
    // vectors per entry (a head that starts L - lead floats before the row, seven whole vectors,
    // a tail that ends lead floats after it) instead of eight that each straddle a boundary. The
    // head's low lanes and the tail's high lanes belong to other rows; blends keep them out.
    // Grid vector k then carries batch vector k or k - 1 depending on the lane, so a lane's even
    // and odd chains are block8's odd and even ones, and even + odd is the same sum. Lane i holds
    // batch elements lead + i mod L, block8's lanes rotated; Lanes.sum gives a rotated vector's
    // sum the same bits (LanesTest), so the fold needs no rotation back.
    private static void block9(int[] colIdx, float[] a, float[] b, float[] out,
                               int r, int start, int end, int lead, boolean add) {
        int n = 8 * L;
        int shift = lead - L;
        VectorMask<Float> head = FLOATS.indexInRange(shift, n);
        VectorMask<Float> tail = FLOATS.indexInRange(shift + 8 * L, n);
        VectorShuffle<Float> toGrid = Lanes.rotation(lead);     // lane i of a row slice -> its grid lane
        int aAt = r * n + lead;
        FloatVector ah = FloatVector.fromArray(FLOATS, a, r * n).rearrange(toGrid);
        FloatVector a1 = FloatVector.fromArray(FLOATS, a, aAt);
        FloatVector a2 = FloatVector.fromArray(FLOATS, a, aAt + L);
        FloatVector a3 = FloatVector.fromArray(FLOATS, a, aAt + 2 * L);
        FloatVector a4 = FloatVector.fromArray(FLOATS, a, aAt + 3 * L);
        FloatVector a5 = FloatVector.fromArray(FLOATS, a, aAt + 4 * L);
        FloatVector a6 = FloatVector.fromArray(FLOATS, a, aAt + 5 * L);
        FloatVector a7 = FloatVector.fromArray(FLOATS, a, aAt + 6 * L);
        FloatVector at = FloatVector.fromArray(FLOATS, a, r * n + 7 * L).rearrange(toGrid);
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int e = start; e < end; e++) {
            int bAt = colIdx[e] * n + shift;
            FloatVector even = zero.blend(FloatVector.fromArray(FLOATS, b, bAt).fma(ah, zero), head);
            FloatVector odd = FloatVector.fromArray(FLOATS, b, bAt + L).fma(a1, zero);
            even = FloatVector.fromArray(FLOATS, b, bAt + 2 * L).fma(a2, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 3 * L).fma(a3, odd);
            even = FloatVector.fromArray(FLOATS, b, bAt + 4 * L).fma(a4, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 5 * L).fma(a5, odd);
            even = FloatVector.fromArray(FLOATS, b, bAt + 6 * L).fma(a6, even);
            odd = FloatVector.fromArray(FLOATS, b, bAt + 7 * L).fma(a7, odd);
            even = even.blend(FloatVector.fromArray(FLOATS, b, bAt + 8 * L).fma(at, even), tail);
            float sum = Lanes.sum(even.add(odd));
            out[e] = add ? out[e] + sum : sum;
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
