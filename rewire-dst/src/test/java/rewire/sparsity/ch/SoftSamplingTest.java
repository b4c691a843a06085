package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** The soft (sampled) rules of CHTs: proportional regrowth (E.3) and temperature removal (E.2). */
class SoftSamplingTest {
    private static final int DRAWS = 10_000;

    /** The MIXED layer of CannistraciHebbTest; CH3 scores by position (see there). */
    private static final int[][] MIXED = {{1, 1, 0, 0}, {1, 0, 1, 1}, {0, 1, 1, 0}, {0, 0, 0, 1}};
    private static final double[] MIXED_CH3 = {0, 0, 3.5, 1.5, 0, 4, 0, 0, 3.5, 0, 0, 1.5, 1.5, 0, 1.5, 0};

    @Test
    void regrowthFrequenciesFollowTheScores() {
        SparsityPattern p = L3nReference.pattern(MIXED);
        long[] counts = new long[16];
        Rng rng = new Rng(42);
        for (int t = 0; t < DRAWS; t++) {
            counts[(int) CannistraciHebb.sampleSoft(p, 1, CHVariant.CH3, 2, null, rng).positions()[0]]++;
        }
        assertEquals(0, counts[13], "position 13 scores 0 and 7 candidates score above 0");
        double[] probability = new double[16];
        for (int i = 0; i < 16; i++) {
            probability[i] = MIXED_CH3[i] / 17; // the positive scores sum to 17
        }
        assertTrue(ChiSquare.statistic(counts, probability) < ChiSquare.critical(6));
    }

    @Test
    void regrowthIsUniformWhenNothingScores() {
        SparsityPattern single = Patterns.fromSortedPositions(3, 3, new long[] {4}); // no L3 path at all
        long[] counts = new long[9];
        Rng rng = new Rng(7);
        for (int t = 0; t < DRAWS; t++) {
            counts[(int) CannistraciHebb.sampleSoft(single, 1, CHVariant.CH2, 3, null, rng).positions()[0]]++;
        }
        assertEquals(0, counts[4]);
        double[] probability = {0.125, 0.125, 0.125, 0.125, 0, 0.125, 0.125, 0.125, 0.125};
        assertTrue(ChiSquare.statistic(counts, probability) < ChiSquare.critical(7));
    }

    @Test
    void liftedRegrowthPrefersScoredLinksAndStillReachesUnscoredOnes() {
        // CH3 scores 2 at positions 2, 4 and 9; candidates 3, 7, 8 and 11 score 0 (column 3 is empty)
        SparsityPattern p = L3nReference.pattern(new int[][] {{1, 1, 0, 0}, {0, 1, 1, 0}, {0, 0, 1, 0}});
        Rng rng = new Rng(11);
        int[] fourth = new int[12];
        for (int t = 0; t < 400; t++) {
            long[] chosen = CannistraciHebb.sampleSoft(p, 4, CHVariant.CH3, 1, null, rng).positions();
            int unscored = -1;
            for (long c : chosen) {
                if (c != 2 && c != 4 && c != 9) {
                    unscored = (int) c;
                }
            }
            assertTrue(unscored >= 0, "three scored links and one more");
            fourth[unscored]++;
        }
        for (int c : new int[] {3, 7, 8, 11}) {
            assertTrue(fourth[c] > 50, "unscored candidate " + c + " drawn " + fourth[c] + " of 400 times");
        }
    }

    @Test
    void selectDispatchesOnTheSamplingMode() {
        SparsityPattern p = L3nReference.pattern(MIXED);
        assertArrayEquals(new long[] {5}, CannistraciHebb.select(p, 1, CHVariant.CH3, RegrowSampling.TOP_K, 4, null,
                new Rng(0)).positions());
        assertArrayEquals(CannistraciHebb.sampleSoft(p, 3, CHVariant.CH3, 4, null, new Rng(5)).positions(),
                CannistraciHebb.select(p, 3, CHVariant.CH3, RegrowSampling.PROPORTIONAL, 4, null, new Rng(5))
                        .positions());
    }

    /** METHODS E.9: soft removal frequencies match score^T proportions (chi-square, 10^4 draws). */
    @Test
    void removalFrequenciesFollowScoreToTheTemperature() {
        float[] scores = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        double temperature = 2;
        long[] counts = new long[5];
        Rng rng = new Rng(3);
        for (int t = 0; t < DRAWS; t++) {
            counts[SoftRemoval.keep(scores, 1, temperature, rng)[0]]++;
        }
        double[] probability = new double[5];
        double total = 0;
        for (int i = 0; i < 5; i++) {
            probability[i] = Math.pow(scores[i], temperature);
            total += probability[i];
        }
        for (int i = 0; i < 5; i++) {
            probability[i] /= total;
        }
        assertTrue(ChiSquare.statistic(counts, probability) < ChiSquare.critical(4));
    }

    /** Two survivors of four: inclusion probabilities of successive draws without replacement. */
    @Test
    void removalWithoutReplacementMatchesSuccessiveDraws() {
        float[] scores = {1, 2, 3, 4};
        double[] w = {1, 4, 9, 16}; // score^2
        double total = 30;
        Rng rng = new Rng(9);
        long[] kept = new long[4];
        for (int t = 0; t < DRAWS; t++) {
            int[] survivors = SoftRemoval.keep(scores, 2, 2, rng);
            assertEquals(2, survivors.length);
            assertTrue(survivors[0] < survivors[1]);
            kept[survivors[0]]++;
            kept[survivors[1]]++;
        }
        for (int i = 0; i < 4; i++) {
            double inclusion = w[i] / total; // drawn first, or drawn second after some j
            for (int j = 0; j < 4; j++) {
                inclusion += j == i ? 0 : w[j] / total * w[i] / (total - w[j]);
            }
            double sd = Math.sqrt(DRAWS * inclusion * (1 - inclusion));
            assertEquals(DRAWS * inclusion, kept[i], 4.5 * sd, "entry " + i);
        }
    }

    @Test
    void highTemperatureApproachesTopK() {
        float[] scores = {0.1f, 0.2f, 0.9f, 0.5f};
        Rng rng = new Rng(1);
        for (int t = 0; t < 200; t++) {
            assertArrayEquals(new int[] {2, 3}, SoftRemoval.keep(scores, 2, 60, rng));
        }
    }

    @Test
    void removalIsReproducibleAndHandlesExtremeWeights() {
        float[] scores = {0f, 1e-30f, 3e30f, 7f, 0.5f};
        int[] first = SoftRemoval.keep(scores, 3, 9, new Rng(21));
        assertArrayEquals(first, SoftRemoval.keep(scores, 3, 9, new Rng(21)));
        assertEquals(3, first.length);
        // 3e30^9 overflows a double, 0 and 1e-30 are clamped to 1e-12; in log space the order survives
        assertArrayEquals(new int[] {2, 3, 4}, first);
    }

    @Test
    void keepCountKeepsAtLeastOneLink() {
        assertEquals(7, SoftRemoval.keepCount(10, 0.3));
        assertEquals(2, SoftRemoval.keepCount(3, 0.5));
        assertEquals(1, SoftRemoval.keepCount(10, 1.0));
        assertEquals(0, SoftRemoval.keepCount(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SoftRemoval.keepCount(5, 1.5));
    }

    @Test
    void removalRejectsBadInput() {
        Rng rng = new Rng(0);
        assertThrows(IllegalArgumentException.class, () -> SoftRemoval.keep(new float[] {1, -1}, 1, 1, rng));
        assertThrows(IllegalArgumentException.class, () -> SoftRemoval.keep(new float[] {1, Float.NaN}, 1, 1, rng));
        assertThrows(IllegalArgumentException.class, () -> SoftRemoval.keep(new float[] {1, 2}, 1, -1, rng));
        assertThrows(IllegalArgumentException.class, () -> SoftRemoval.keep(new float[] {1, 2}, 3, 1, rng));
    }

    @Test
    void zeroWeightsAreDrawnLastByIndex() {
        double zero = Double.NEGATIVE_INFINITY;
        int[] picked = WeightedSampling.sample(new double[] {zero, zero, 0, zero, 0}, 3, new Rng(2));
        assertArrayEquals(new int[] {0, 2, 4}, picked, "both positive items, then the lowest zero-weight one");
    }
}
