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
        forEachSeed(205, 1000, rng -> {
            float[] keys = new float[intBetween(rng, 0, 40)];
            for (int i = 0; i < keys.length; i++) {
                int c = intBetween(rng, -3, 9);
                keys[i] = c >= 0 && c < SPECIAL.length ? SPECIAL[c] : c;
            }
            int keep = intBetween(rng, 0, 45);
            boolean[] expected = new boolean[keys.length];
            for (int e : TopK.largest(keys, keep)) {
                expected[e] = true;
            }
            assertArrayEquals(expected, Ranking.keepTop(keys, keep));
        });
    }
}
