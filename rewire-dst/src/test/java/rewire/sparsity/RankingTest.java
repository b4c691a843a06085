package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import org.junit.jupiter.api.Test;
import rewire.kernel.TopK;

class RankingTest {
    private static final float[] SPECIAL = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 0f, 1f, -1f};

    @Test
    void keepTopAgreesWithTopKIncludingTiesAndSpecialValues() {
        agreesWithTopK(205, 1000, 40);
    }

    @Test
    void radixSelectionAgreesWithTopKOnArraysOnBothSidesOfItsThreshold() {
        agreesWithTopK(206, 300, 3 * Ranking.RADIX_FROM);
    }

    @Test
    void radixSelectionSeparatesKeysThatDifferOnlyInTheirLowestBits() {
        float[] keys = new float[Ranking.RADIX_FROM + 5];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Math.nextUp(1f + (i % 7) * Math.ulp(1f));  // seven neighbours of 1, repeated
        }
        for (int keep : new int[] {1, 19, 20, 21, 60, keys.length - 1}) {
            boolean[] expected = new boolean[keys.length];
            for (int e : TopK.largest(keys, keep)) {
                expected[e] = true;
            }
            assertArrayEquals(expected, Ranking.keepTop(keys, keep), "keep " + keep);
        }
    }

    @Test
    void radixSelectionAgreesWithTopKOnGaussianKeys() {
        forEachSeed(207, 50, rng -> {
            float[] keys = new float[intBetween(rng, Ranking.RADIX_FROM, 5000)];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (float) rng.nextGaussian();
            }
            int keep = intBetween(rng, 1, keys.length);
            boolean[] expected = new boolean[keys.length];
            for (int e : TopK.largest(keys, keep)) {
                expected[e] = true;
            }
            assertArrayEquals(expected, Ranking.keepTop(keys, keep));
        });
    }

    // keys drawn from a few integers and the special values, so that ties and NaN are common
    private static void agreesWithTopK(long seed, int cases, int maxLength) {
        forEachSeed(seed, cases, rng -> {
            float[] keys = new float[intBetween(rng, 0, maxLength)];
            for (int i = 0; i < keys.length; i++) {
                int c = intBetween(rng, -3, 9);
                keys[i] = c >= 0 && c < SPECIAL.length ? SPECIAL[c] : c;
            }
            int keep = intBetween(rng, 0, maxLength + 5);
            boolean[] expected = new boolean[keys.length];
            for (int e : TopK.largest(keys, keep)) {
                expected[e] = true;
            }
            assertArrayEquals(expected, Ranking.keepTop(keys, keep));
        });
    }
}
