package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.doubleBetween;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;
import static rewire.tensor.RandomCases.pattern;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * Properties of {@link CannistraciHebb}, each checked on many random small patterns (see
 * {@link rewire.tensor.RandomCases}): banded scores equal whole-matrix and brute-force L3n scores,
 * top-k equals a full sort, soft samples are distinct reproducible candidates, and removal then
 * regrowth restores the link count.
 */
class CannistraciHebbRandomizedTest {
    private static final int CASES = 200;

    /** A random strictly increasing subset of the positions, about a tenth of them. */
    private static long[] randomForbidden(int rows, int cols, Rng rng) {
        return LongStream.range(0, (long) rows * cols).filter(p -> rng.nextInt(10) == 0).toArray();
    }

    @Test
    void tiledScoresAgreeWithBruteForce() {
        forEachSeed(52, CASES, rng -> {
            int rows = intBetween(rng, 1, 13);
            int cols = intBetween(rng, 1, 13);
            SparsityPattern p = pattern(rng, rows, cols, doubleBetween(rng, 0, 1));
            tiledScoresAgreeWithBruteForce(p, intBetween(rng, 1, 14));
        });
    }

    private static void tiledScoresAgreeWithBruteForce(SparsityPattern p, int tileRows) {
        int rows = p.rows();
        int cols = p.cols();
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
    @Test
    void topKEqualsFullSort() {
        forEachSeed(53, CASES, rng -> {
            int rows = intBetween(rng, 1, 12);
            int cols = intBetween(rng, 1, 12);
            SparsityPattern p = pattern(rng, rows, cols, doubleBetween(rng, 0, 1));
            topKEqualsFullSort(p, randomForbidden(rows, cols, rng), intBetween(rng, 1, 5), intBetween(rng, 0, 200));
        });
    }

    private static void topKEqualsFullSort(SparsityPattern p, long[] forbidden, int tileRows, int kWanted) {
        float[] scores = CannistraciHebb.scoreRows(p, CHVariant.CH2, 0, p.rows());
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

    @Test
    void softSamplesAreDistinctCandidatesAndReproducible() {
        forEachSeed(54, CASES, rng -> {
            int rows = intBetween(rng, 1, 12);
            int cols = intBetween(rng, 1, 12);
            SparsityPattern p = pattern(rng, rows, cols, doubleBetween(rng, 0, 1));
            softSamplesAreDistinctCandidatesAndReproducible(p, randomForbidden(rows, cols, rng), intBetween(rng, 1, 5),
                    intBetween(rng, 0, 200), rng.nextLong());
        });
    }

    private static void softSamplesAreDistinctCandidatesAndReproducible(SparsityPattern p, long[] forbidden,
            int tileRows, int kWanted, long seed) {
        long[] allowed = candidates(p, forbidden).toArray();
        int k = Math.min(kWanted, allowed.length);
        long[] sample = CannistraciHebb.sampleSoft(p, k, CHVariant.CH3, tileRows, forbidden, new Rng(seed)).positions();
        assertEquals(k, sample.length);
        for (int i = 0; i < k; i++) {
            assertTrue(i == 0 || sample[i] > sample[i - 1], "sorted and distinct");
            assertTrue(Arrays.binarySearch(allowed, sample[i]) >= 0, "position " + sample[i] + " is a candidate");
        }
        // the same seed gives the same sample whatever the band height
        assertArrayEquals(sample, CannistraciHebb.sampleSoft(p, k, CHVariant.CH3, p.rows(), forbidden, new Rng(seed))
                .positions());
    }

    /** METHODS E.9: nnz after soft removal and CH regrowth equals the target; regrown links are new. */
    @Test
    void removeThenRegrowRestoresTheLinkCount() {
        forEachSeed(55, CASES, rng -> {
            SparsityPattern p = pattern(rng, intBetween(rng, 2, 12), intBetween(rng, 2, 12), doubleBetween(rng, 0.05, 0.6));
            removeThenRegrowRestoresTheLinkCount(p, doubleBetween(rng, 0, 1), rng);
        });
    }

    private static void removeThenRegrowRestoresTheLinkCount(SparsityPattern p, double dropFraction, Rng rng) {
        int rows = p.rows();
        int cols = p.cols();
        float[] magnitudes = new float[p.nnz()];
        for (int e = 0; e < magnitudes.length; e++) {
            magnitudes[e] = rng.nextFloat();
        }
        int[] keep = SoftRemoval.keep(magnitudes, SoftRemoval.keepCount(p.nnz(), dropFraction), 2.0, rng);
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
