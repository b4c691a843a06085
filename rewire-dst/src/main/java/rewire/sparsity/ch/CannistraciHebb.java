package rewire.sparsity.ch;

import java.util.Arrays;
import rewire.kernel.TopK;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.ScoreSource;
import rewire.tensor.Rng;

/**
 * Gradient-free growth of Cannistraci-Hebb training: the missing links of a sparse layer are
 * ranked by link prediction on the layer's bipartite graph (outputs x inputs) with the
 * node-based L3 rule CH2-L3n or CH3-L3n, and the links to grow are the best {@code k} or a
 * sample proportional to the score (Zhang et al., "Brain-inspired sparse training enables
 * Transformers and LLMs to perform as fully connected", CHTs/CHTss, NeurIPS 2025,
 * arXiv 2501.19107; METHODS E.1 and E.3).
 *
 * <p>Scores follow the GPU-friendly matrix form of the reference code exactly: with {@code M}
 * the pattern, {@code A_o = M·Mᵀ}, {@code A_i = Mᵀ·M}, external links
 * {@code e[u,v] = max(deg(v) - A[u,v] - 1, 0)} (degree of the second index), pair factors
 * {@code F} from {@link CHVariant} (0 where {@code A = 0}), the score is
 * {@code S = F_o·M + (F_i·Mᵀ)ᵀ}, and 0 on the pattern. They are computed a band of rows at a
 * time (by the package's {@code L3nTileScorer}), in {@code O(P3 + ⌈rows / tileRows⌉ · Σ_r deg(r)²)}
 * time for {@code P3} paths of length 3 and {@code O(tileRows · cols + rows + cols)} memory; candidates stream
 * into a bounded {@link TopK}, so no {@code out x in} matrix is ever held.
 *
 * <p>All positions are row-major, {@code r * cols + c}; returned positions are sorted, outside
 * the pattern and outside the caller's forbidden positions. Stateless; every method may be
 * called from several threads at once.
 */
public final class CannistraciHebb {
    /** Entries of one score band by default (8 MB of doubles plus 4 MB of offsets). */
    public static final int DEFAULT_TILE_ENTRIES = 1 << 20;
    /** Added to every candidate's score before proportional sampling when too few are positive (E.3). */
    public static final double ZERO_SCORE_LIFT = 1e-5;

    private static final long[] NONE = new long[0];

    private CannistraciHebb() {
    }

    /**
     * Chosen positions, sorted, and the floating-point operations spent on their scores (one per
     * accumulation, two per pair factor; comparisons and sampling keys are not counted), for a
     * FLOP account such as {@code rewire.sparsity.FlopCounter}.
     */
    public record Selection(long[] positions, long scoringFlops) {
    }

    /** The band height that keeps a band of a {@code cols}-wide layer at {@link #DEFAULT_TILE_ENTRIES}. */
    public static int defaultTileRows(int cols) {
        return Math.max(1, DEFAULT_TILE_ENTRIES / Math.max(1, cols));
    }

    /**
     * The scores of rows {@code [rowFrom, rowTo)}, dense and row-major, 0 on the pattern. The
     * caller bounds the memory by the row range.
     *
     * <pre>
     * pattern : (rows, cols)   result : (rowTo - rowFrom, cols)
     * </pre>
     */
    public static float[] scoreRows(SparsityPattern pattern, CHVariant variant, int rowFrom, int rowTo) {
        if (rowFrom < 0 || rowTo > pattern.rows() || rowFrom > rowTo) {
            throw new IllegalArgumentException("row range [" + rowFrom + ", " + rowTo + ") outside a pattern of "
                    + pattern.rows() + " rows");
        }
        long size = (long) (rowTo - rowFrom) * pattern.cols();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rows [" + rowFrom + ", " + rowTo + ") x " + pattern.cols()
                    + " columns do not fit one array; score fewer rows at a time");
        }
        float[] out = new float[(int) size];
        if (size > 0) {
            new BandScores(pattern, variant).rows(rowFrom, rowTo - rowFrom, out);
        }
        return out;
    }

    /**
     * The scores of {@code pattern}'s positions as a {@link ScoreSource} that a selection reads a
     * band of rows at a time, and what they cost: its {@link ScoreSource#flops} counts as
     * {@link Selection#scoringFlops} does, for the bands read so far. Bands as tall as the first
     * one asked for are scored as one; the source serves one thread.
     */
    public static ScoreSource scoreSource(SparsityPattern pattern, CHVariant variant) {
        return new BandScores(pattern, variant);
    }

    /** A source over one {@link L3nTileScorer}, built at the first band (the transposed pattern once per layer). */
    private static final class BandScores implements ScoreSource {
        private final SparsityPattern pattern;
        private final CHVariant variant;
        private L3nTileScorer scorer;

        BandScores(SparsityPattern pattern, CHVariant variant) {
            this.pattern = pattern;
            this.variant = variant;
        }

        // out : (count, cols), 0 where no path of length 3 reaches
        @Override
        public void rows(int row0, int count, float[] out) {
            if (scorer == null) {
                scorer = new L3nTileScorer(pattern, variant, Math.max(1, count));
            }
            long base = (long) row0 * pattern.cols();
            Arrays.fill(out, 0, count * pattern.cols(), 0f);
            scorer.scan(row0, row0 + count, NONE, false,
                    (position, score) -> out[(int) (position - base)] = (float) score);
        }

        @Override
        public long flops() {
            return scorer == null ? 0 : scorer.flops();
        }
    }

    /**
     * The {@code k} best candidates with their scores, best first, ties to the lower position.
     * Candidates scoring 0 come last, in increasing position order, and are found by a scan that
     * stops as soon as {@code k} are chosen.
     *
     * @param tileRows output rows scored per band (see {@link #defaultTileRows})
     * @param forbiddenSorted positions never to choose, strictly increasing; may be null
     * @throws IllegalArgumentException if there are fewer than {@code k} candidates
     */
    public static TopK.Result topK(SparsityPattern pattern, int k, CHVariant variant, int tileRows,
                                   long[] forbiddenSorted) {
        return bestCandidates(pattern, k, variant, tileRows, checkForbidden(pattern, forbiddenSorted)).result;
    }

    /** {@link #topK}'s positions, sorted, with the scoring cost. */
    public static Selection selectTopK(SparsityPattern pattern, int k, CHVariant variant, int tileRows,
                                       long[] forbiddenSorted) {
        Ranked ranked = bestCandidates(pattern, k, variant, tileRows, checkForbidden(pattern, forbiddenSorted));
        return new Selection(ranked.result.sortedPositions(), ranked.flops);
    }

    /**
     * {@code k} candidates drawn without replacement with probability proportional to their
     * score (the soft regrowth of CHTs, no temperature). When fewer than {@code k} candidates
     * score above 0, every candidate's score is first raised by {@link #ZERO_SCORE_LIFT}, as the
     * reference does when the {@code k}-th largest score is 0; that case scans every candidate.
     * Deterministic given {@code rng}, which advances by one split.
     *
     * @throws IllegalArgumentException if there are fewer than {@code k} candidates
     */
    public static Selection sampleSoft(SparsityPattern pattern, int k, CHVariant variant, int tileRows,
                                       long[] forbiddenSorted, Rng rng) {
        long[] forbidden = checkForbidden(pattern, forbiddenSorted);
        checkCount(pattern, k, tileRows, forbidden);
        Rng keys = rng.split();
        L3nTileScorer scorer = new L3nTileScorer(pattern, variant, tileRows);
        ProportionalSink sink = new ProportionalSink(k, keys, 0);
        scorer.scan(0, pattern.rows(), forbidden, false, sink);
        if (sink.offered < k) {
            sink = new ProportionalSink(k, keys, ZERO_SCORE_LIFT);
            scorer.scan(0, pattern.rows(), forbidden, true, sink);
        }
        return new Selection(sink.top.result().sortedPositions(), scorer.flops());
    }

    /** {@link #selectTopK} or {@link #sampleSoft} by {@code sampling}; {@code rng} is unused for top-k. */
    public static Selection select(SparsityPattern pattern, int k, CHVariant variant, RegrowSampling sampling,
                                   int tileRows, long[] forbiddenSorted, Rng rng) {
        return switch (sampling) {
            case TOP_K -> selectTopK(pattern, k, variant, tileRows, forbiddenSorted);
            case PROPORTIONAL -> sampleSoft(pattern, k, variant, tileRows, forbiddenSorted, rng);
        };
    }

    private record Ranked(TopK.Result result, long flops) {
    }

    private static Ranked bestCandidates(SparsityPattern pattern, int k, CHVariant variant, int tileRows,
                                         long[] forbidden) {
        checkCount(pattern, k, tileRows, forbidden);
        TopK top = new TopK(k);
        L3nTileScorer scorer = new L3nTileScorer(pattern, variant, tileRows);
        scorer.scan(0, pattern.rows(), forbidden, false, (position, score) -> top.offer((float) score, position));
        TopK.Result positive = top.result();
        if (positive.size() == k) {
            return new Ranked(positive, scorer.flops());
        }
        long[] zeros = lowestZeroScored(pattern, forbidden, positive.sortedPositions(), k - positive.size());
        long[] positions = new long[k];
        float[] scores = new float[k];
        System.arraycopy(positive.positions(), 0, positions, 0, positive.size());
        System.arraycopy(positive.scores(), 0, scores, 0, positive.size());
        System.arraycopy(zeros, 0, positions, positive.size(), zeros.length);
        return new Ranked(new TopK.Result(positions, scores), scorer.flops());
    }

    /** The {@code need} lowest candidate positions that are not in {@code positiveSorted}. */
    private static long[] lowestZeroScored(SparsityPattern pattern, long[] forbidden, long[] positiveSorted, int need) {
        long[] out = new long[need];
        int n = 0;
        int f = 0;
        int q = 0;
        int[] ptr = pattern.rowPtr();
        int[] idx = pattern.colIdx();
        for (int r = 0; r < pattern.rows() && n < need; r++) {
            int e = ptr[r];
            for (int c = 0; c < pattern.cols() && n < need; c++) {
                if (e < ptr[r + 1] && idx[e] == c) {
                    e++;
                    continue;
                }
                long position = (long) r * pattern.cols() + c;
                while (f < forbidden.length && forbidden[f] < position) {
                    f++;
                }
                while (q < positiveSorted.length && positiveSorted[q] < position) {
                    q++;
                }
                boolean taken = (f < forbidden.length && forbidden[f] == position)
                        || (q < positiveSorted.length && positiveSorted[q] == position);
                if (!taken) {
                    out[n++] = position;
                }
            }
        }
        assert n == need : n + " of " + need + " zero-scored candidates found";
        return out;
    }

    /** Draws by Efraimidis-Spirakis keys of {@code score + lift}. */
    private static final class ProportionalSink implements L3nTileScorer.CandidateSink {
        final TopK top;
        final Rng keys;
        final double lift;
        long offered;

        ProportionalSink(int k, Rng keys, double lift) {
            this.top = new TopK(k);
            this.keys = keys;
            this.lift = lift;
        }

        @Override
        public void accept(long position, double score) {
            offered++;
            top.offer(WeightedSampling.key(Math.log(score + lift), keys, position), position);
        }
    }

    private static void checkCount(SparsityPattern pattern, int k, int tileRows, long[] forbidden) {
        if (tileRows < 1) {
            throw new IllegalArgumentException("tileRows must be positive, got " + tileRows);
        }
        long forbiddenFree = 0;
        for (long p : forbidden) {
            forbiddenFree += pattern.contains((int) (p / pattern.cols()), (int) (p % pattern.cols())) ? 0 : 1;
        }
        long candidates = (long) pattern.rows() * pattern.cols() - pattern.nnz() - forbiddenFree;
        if (k < 0 || k > candidates) {
            throw new IllegalArgumentException("cannot choose " + k + " links: " + pattern + " has " + candidates
                    + " candidates outside the pattern and the " + forbidden.length + " forbidden positions");
        }
    }

    private static long[] checkForbidden(SparsityPattern pattern, long[] forbiddenSorted) {
        if (forbiddenSorted == null) {
            return NONE;
        }
        long size = (long) pattern.rows() * pattern.cols();
        for (int i = 0; i < forbiddenSorted.length; i++) {
            long p = forbiddenSorted[i];
            if (p < 0 || p >= size || (i > 0 && p <= forbiddenSorted[i - 1])) {
                throw new IllegalArgumentException("forbidden position " + p + " at index " + i
                        + " is outside [0, " + size + ") or not strictly increasing");
            }
        }
        return forbiddenSorted;
    }
}
