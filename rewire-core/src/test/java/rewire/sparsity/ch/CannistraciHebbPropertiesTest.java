package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

class CannistraciHebbPropertiesTest {

    private static SparsityPattern randomPattern(int rows, int cols, int densityPercent, long seed) {
        int nnz = (int) ((long) rows * cols * densityPercent / 100);
        return Patterns.random(rows, cols, nnz, new Rng(seed));
    }

    /** A random strictly increasing subset of the positions, about a tenth of them. */
    private static long[] randomForbidden(int rows, int cols, long seed) {
        Rng rng = new Rng(seed ^ 0x5EED);
        return LongStream.range(0, (long) rows * cols).filter(p -> rng.nextInt(10) == 0).toArray();
    }

    @Property(tries = 100)
    void tiledScoresAgreeWithBruteForce(@ForAll @IntRange(min = 1, max = 13) int rows,
                                        @ForAll @IntRange(min = 1, max = 13) int cols,
                                        @ForAll @IntRange(min = 0, max = 100) int densityPercent,
                                        @ForAll @IntRange(min = 1, max = 14) int tileRows,
                                        @ForAll @LongRange(min = 0, max = 1000) long seed) {
        SparsityPattern p = randomPattern(rows, cols, densityPercent, seed);
        for (CHVariant v : CHVariant.values()) {
            double[] reference = L3nReference.scores(p, v);
            float[] whole = CannistraciHebb.scoreRows(p, v, 0, rows);
            for (int r0 = 0; r0 < rows; r0 += tileRows) {
                int r1 = Math.min(rows, r0 + tileRows);
                float[] band = CannistraciHebb.scoreRows(p, v, r0, r1);
                assertArrayEquals(Arrays.copyOfRange(whole, r0 * cols, r1 * cols), band, "band from row " + r0);
            }
            for (int i = 0; i < whole.length; i++) {
                assertEquals(reference[i], whole[i], 1e-6 * Math.max(1, reference[i]), v + " position " + i);
            }
        }
    }

    /** Top-k equals sorting every candidate by (score descending, position ascending). */
    @Property(tries = 100)
    void topKEqualsFullSort(@ForAll @IntRange(min = 1, max = 12) int rows,
                            @ForAll @IntRange(min = 1, max = 12) int cols,
                            @ForAll @IntRange(min = 0, max = 100) int densityPercent,
                            @ForAll @IntRange(min = 1, max = 5) int tileRows,
                            @ForAll @IntRange(min = 0, max = 200) int kWanted,
                            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        SparsityPattern p = randomPattern(rows, cols, densityPercent, seed);
        long[] forbidden = randomForbidden(rows, cols, seed);
        float[] scores = CannistraciHebb.scoreRows(p, CHVariant.CH2, 0, rows);
        long[] ranked = candidates(p, forbidden)
                .boxed()
                .sorted(Comparator.<Long>comparingDouble(x -> -scores[(int) (long) x]).thenComparingLong(x -> x))
                .mapToLong(Long::longValue)
                .toArray();
        int k = Math.min(kWanted, ranked.length);
        long[] expected = Arrays.copyOf(ranked, k);
        assertArrayEquals(expected, CannistraciHebb.topK(p, k, CHVariant.CH2, tileRows, forbidden).positions());
        Arrays.sort(expected);
        assertArrayEquals(expected, CannistraciHebb.selectTopK(p, k, CHVariant.CH2, tileRows, forbidden).positions());
    }

    @Property(tries = 100)
    void softSamplesAreDistinctCandidatesAndReproducible(@ForAll @IntRange(min = 1, max = 12) int rows,
                                                         @ForAll @IntRange(min = 1, max = 12) int cols,
                                                         @ForAll @IntRange(min = 0, max = 100) int densityPercent,
                                                         @ForAll @IntRange(min = 1, max = 5) int tileRows,
                                                         @ForAll @IntRange(min = 0, max = 200) int kWanted,
                                                         @ForAll @LongRange(min = 0, max = 1000) long seed) {
        SparsityPattern p = randomPattern(rows, cols, densityPercent, seed);
        long[] forbidden = randomForbidden(rows, cols, seed);
        long[] allowed = candidates(p, forbidden).toArray();
        int k = Math.min(kWanted, allowed.length);
        long[] sample = CannistraciHebb.sampleSoft(p, k, CHVariant.CH3, tileRows, forbidden, new Rng(seed)).positions();
        assertEquals(k, sample.length);
        for (int i = 0; i < k; i++) {
            assertTrue(i == 0 || sample[i] > sample[i - 1], "sorted and distinct");
            assertTrue(Arrays.binarySearch(allowed, sample[i]) >= 0, "position " + sample[i] + " is a candidate");
        }
        // the same seed gives the same sample whatever the band height
        assertArrayEquals(sample, CannistraciHebb.sampleSoft(p, k, CHVariant.CH3, rows, forbidden, new Rng(seed))
                .positions());
    }

    /** METHODS E.9: nnz after soft removal and CH regrowth equals the target; regrown links are new. */
    @Property(tries = 100)
    void removeThenRegrowRestoresTheLinkCount(@ForAll @IntRange(min = 2, max = 12) int rows,
                                              @ForAll @IntRange(min = 2, max = 12) int cols,
                                              @ForAll @IntRange(min = 5, max = 60) int densityPercent,
                                              @ForAll @IntRange(min = 0, max = 100) int dropPercent,
                                              @ForAll @LongRange(min = 0, max = 1000) long seed) {
        SparsityPattern p = randomPattern(rows, cols, densityPercent, seed);
        Rng rng = new Rng(seed);
        float[] magnitudes = new float[p.nnz()];
        for (int e = 0; e < magnitudes.length; e++) {
            magnitudes[e] = rng.nextFloat();
        }
        int[] keep = SoftRemoval.keep(magnitudes, SoftRemoval.keepCount(p.nnz(), dropPercent / 100.0), 2.0, rng);
        SparsityPattern kept = Patterns.fromSortedPositions(rows, cols, positionsOf(p, keep));
        for (RegrowSampling mode : RegrowSampling.values()) {
            long[] grown = CannistraciHebb.select(kept, p.nnz() - kept.nnz(), CHVariant.CH2, mode, 3, null, rng)
                    .positions();
            for (long g : grown) {
                assertTrue(!kept.contains((int) (g / cols), (int) (g % cols)), "grown " + g + " was already kept");
            }
            long[] union = LongStream.concat(Arrays.stream(positionsOf(kept, null)), Arrays.stream(grown)).sorted()
                    .toArray();
            assertEquals(p.nnz(), Patterns.fromSortedPositions(rows, cols, union).nnz());
        }
    }

    private static LongStream candidates(SparsityPattern p, long[] forbidden) {
        return LongStream.range(0, (long) p.rows() * p.cols())
                .filter(x -> !p.contains((int) (x / p.cols()), (int) (x % p.cols())))
                .filter(x -> Arrays.binarySearch(forbidden, x) < 0);
    }

    /** Row-major positions of the given entries (all entries when {@code entries} is null). */
    private static long[] positionsOf(SparsityPattern p, int[] entries) {
        long[] all = new long[p.nnz()];
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                all[e] = (long) r * p.cols() + p.colIdx()[e];
            }
        }
        return entries == null ? all : Arrays.stream(entries).mapToLong(e -> all[e]).toArray();
    }
}
