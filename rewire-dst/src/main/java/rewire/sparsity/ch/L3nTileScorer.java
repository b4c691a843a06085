package rewire.sparsity.ch;

import rewire.sparse.SparsityPattern;

/**
 * The engine behind {@link CannistraciHebb}: computes node-based L3 (L3n) scores of a sparse
 * layer one band of output rows at a time (Zhang et al., CHTs, NeurIPS 2025, arXiv 2501.19107,
 * the matrix form {@code S = F_o·M + (F_i·Mᵀ)ᵀ}), without ever forming {@code M·Mᵀ}, {@code Mᵀ·M}
 * or a dense {@code out x in} score matrix.
 *
 * <p>For output row {@code i} and input column {@code k} outside the pattern,
 * <pre>
 * S[i,k] = Σ_{j ≠ i} F_o[i,j]·M[j,k]  +  Σ_{l ≠ k} M[i,l]·F_i[k,l]
 * </pre>
 * where {@code F_o[i,j]} weighs outputs {@code i, j} by their shared inputs and the degree of
 * {@code j}, and {@code F_i[k,l]} weighs inputs {@code k, l} by their shared outputs and the
 * degree of {@code l} (see {@link CHVariant}). The terms {@code j = i} and {@code l = k} of the
 * matrix form only reach positions inside the pattern, whose score is defined as 0, so they are
 * skipped. Every term is one path {@code i - l - j - k} of length 3.
 *
 * <p>Work per band of {@code t} rows: the first sum walks the L3 paths that start at the band's
 * rows; the second builds, for every input {@code l} linked to the band, its co-occurrence row
 * {@code A_i[l, ·]} in {@code Σ_{r ∈ col(l)} deg(r)} steps and adds it into each band row linked
 * to {@code l}. Over a whole layer: {@code O(P3 + ⌈out / t⌉ · Σ_r deg(r)²)} time, where
 * {@code P3} is the number of L3 paths, and {@code O(t · in + in + out)} memory.
 *
 * <p>Not thread-safe; one instance per call.
 */
final class L3nTileScorer {
    /** Receives one candidate position {@code r * cols + c} and its score. */
    @FunctionalInterface
    interface CandidateSink {
        void accept(long position, double score);
    }

    /** Tile value of a position that is in the pattern or forbidden: never a candidate. */
    private static final double BLOCKED = Double.NEGATIVE_INFINITY;
    /** FLOPs charged per pair factor (one addition, one division). */
    private static final int FLOPS_PER_FACTOR = 2;

    private final CHVariant variant;
    private final int rows;
    private final int cols;
    private final int tileRows;
    private final int[] rowPtr;      // pattern (out, in)
    private final int[] colIdx;
    private final int[] colPtr;      // transposed pattern (in, out); outputs ascending per input
    private final int[] rowIdx;
    private final double[] tile;     // (tileRows, cols): 0 untouched, BLOCKED, or a positive score
    private final int[] touched;     // offsets into tile holding a positive score
    private int touchedCount;
    private final int[] sharedOut;   // (out) inputs the current row shares with each output
    private final int[] outList;     // (out) outputs with sharedOut > 0
    private final int[] sharedIn;    // (in) outputs the current input shares with each input
    private final int[] inList;      // (in) inputs with sharedIn > 0
    private final double[] inFactor; // (in) F_i[k, l] per entry k of inList
    private long flops;

    L3nTileScorer(SparsityPattern pattern, CHVariant variant, int tileRows) {
        assert tileRows >= 1 : tileRows;
        this.variant = variant;
        this.rows = pattern.rows();
        this.cols = pattern.cols();
        // a band must fit one Java array
        this.tileRows = Math.max(1, Math.min(Math.min(tileRows, rows), (Integer.MAX_VALUE - 8) / Math.max(1, cols)));
        this.rowPtr = pattern.rowPtr();
        this.colIdx = pattern.colIdx();
        SparsityPattern transposed = pattern.transposed().pattern();
        this.colPtr = transposed.rowPtr();
        this.rowIdx = transposed.colIdx();
        this.tile = new double[this.tileRows * cols];
        this.touched = new int[this.tileRows * cols];
        this.sharedOut = new int[rows];
        this.outList = new int[rows];
        this.sharedIn = new int[cols];
        this.inList = new int[cols];
        this.inFactor = new double[cols];
    }

    /** Floating-point operations spent on scores so far: one per accumulation, two per pair factor. */
    long flops() {
        return flops;
    }

    /**
     * Offers to {@code sink} every candidate of rows {@code [rowFrom, rowTo)}: a position outside
     * the pattern and outside {@code forbiddenSorted}. Only positive scores are offered unless
     * {@code includeZeros}; then every candidate is, in increasing position order per band.
     */
    void scan(int rowFrom, int rowTo, long[] forbiddenSorted, boolean includeZeros, CandidateSink sink) {
        for (int r0 = rowFrom; r0 < rowTo; r0 += tileRows) {
            int t = Math.min(tileRows, rowTo - r0);
            setBlocked(r0, t, forbiddenSorted, BLOCKED);
            for (int i = 0; i < t; i++) {
                addOutputPairTerms(r0 + i, i * cols);
            }
            addInputPairTerms(r0, t);
            emit((long) r0 * cols, t, includeZeros, sink);
            for (int m = 0; m < touchedCount; m++) {
                tile[touched[m]] = 0;
            }
            touchedCount = 0;
            setBlocked(r0, t, forbiddenSorted, 0);
        }
    }

    // S[i, k] += F_o[i, j] for every output j != i sharing an input with i, and every input k of j
    private void addOutputPairTerms(int i, int tileOffset) {
        int n = 0;
        for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
            int l = colIdx[e];
            for (int s = colPtr[l]; s < colPtr[l + 1]; s++) {
                int j = rowIdx[s];
                if (j != i && sharedOut[j]++ == 0) {
                    outList[n++] = j;
                }
            }
        }
        for (int m = 0; m < n; m++) {
            int j = outList[m];
            double f = variant.pairFactorUnchecked(sharedOut[j], rowPtr[j + 1] - rowPtr[j]);
            sharedOut[j] = 0;
            for (int e = rowPtr[j]; e < rowPtr[j + 1]; e++) {
                add(tileOffset + colIdx[e], f);
            }
            flops += FLOPS_PER_FACTOR + rowPtr[j + 1] - rowPtr[j];
        }
    }

    // S[i, k] += F_i[k, l] for every band row i linked to input l, and every input k != l sharing an output with l
    private void addInputPairTerms(int r0, int t) {
        for (int l = 0; l < cols; l++) {
            int from = lowerBound(colPtr[l], colPtr[l + 1], r0);
            int to = lowerBound(from, colPtr[l + 1], r0 + t);
            if (from == to) {
                continue;
            }
            int n = coInputFactors(l);
            for (int s = from; s < to; s++) {
                int tileOffset = (rowIdx[s] - r0) * cols;
                for (int m = 0; m < n; m++) {
                    add(tileOffset + inList[m], inFactor[m]);
                }
            }
            flops += (long) (to - from) * n;
        }
    }

    /** Fills inList[0, n) with the inputs k != l that share an output with l, and inFactor with F_i[k, l]. */
    private int coInputFactors(int l) {
        int n = 0;
        for (int s = colPtr[l]; s < colPtr[l + 1]; s++) {
            int r = rowIdx[s];
            for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                int k = colIdx[e];
                if (k != l && sharedIn[k]++ == 0) {
                    inList[n++] = k;
                }
            }
        }
        int degree = colPtr[l + 1] - colPtr[l];
        for (int m = 0; m < n; m++) {
            int k = inList[m];
            inFactor[m] = variant.pairFactorUnchecked(sharedIn[k], degree);
            sharedIn[k] = 0;
        }
        flops += (long) FLOPS_PER_FACTOR * n;
        return n;
    }

    private void add(int offset, double f) {
        double v = tile[offset];
        if (v == 0) {
            touched[touchedCount++] = offset;
        }
        tile[offset] = v + f; // BLOCKED stays BLOCKED
    }

    private void emit(long base, int t, boolean includeZeros, CandidateSink sink) {
        if (includeZeros) {
            for (int off = 0; off < t * cols; off++) {
                if (tile[off] != BLOCKED) {
                    sink.accept(base + off, tile[off]);
                }
            }
        } else {
            for (int m = 0; m < touchedCount; m++) {
                int off = touched[m];
                sink.accept(base + off, tile[off]);
            }
        }
    }

    /** Writes {@code value} at the band's pattern entries and forbidden positions. */
    private void setBlocked(int r0, int t, long[] forbiddenSorted, double value) {
        for (int i = 0; i < t; i++) {
            for (int e = rowPtr[r0 + i]; e < rowPtr[r0 + i + 1]; e++) {
                tile[i * cols + colIdx[e]] = value;
            }
        }
        long base = (long) r0 * cols;
        long end = base + (long) t * cols;
        int f = firstAtLeast(forbiddenSorted, base);
        for (; f < forbiddenSorted.length && forbiddenSorted[f] < end; f++) {
            tile[(int) (forbiddenSorted[f] - base)] = value;
        }
    }

    // first index s in [from, to) with rowIdx[s] >= row (rowIdx is ascending within an input's range)
    private int lowerBound(int from, int to, int row) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rowIdx[mid] < row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int firstAtLeast(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
