package rewire.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class TopKTest {

    @Test
    void equalScoresGoToTheLowerPositionWhateverTheOfferOrder() {
        TopK forward = new TopK(3);
        TopK backward = new TopK(3);
        for (int i = 0; i < 10; i++) {
            forward.offer(1f, i);
            backward.offer(1f, 9 - i);
        }
        assertArrayEquals(new long[] {0, 1, 2}, forward.result().positions());
        assertArrayEquals(new long[] {0, 1, 2}, backward.result().positions());
    }

    @Test
    void theUnorderedResultHoldsTheSameCandidates() {
        forEachSeed(0x0DE, 20, rng -> {
            int k = 1 + rng.nextInt(40);
            TopK sorted = new TopK(k);
            TopK unordered = new TopK(k);
            for (int i = 0; i < 500; i++) {
                float s = rng.nextInt(6) == 0 ? Float.NaN : rng.nextInt(50);  // ties and NaN
                sorted.offer(s, i);
                unordered.offer(s, i);
            }
            TopK.Result a = sorted.result();
            TopK.Result b = unordered.unordered();
            assertArrayEquals(a.sortedPositions(), b.sortedPositions());
            float[] sa = a.scores().clone();
            float[] sb = b.scores().clone();
            Arrays.sort(sa);
            Arrays.sort(sb);
            assertArrayEquals(sa, sb, "each position keeps its score");
        });
    }

    @Test
    void skippingScoresAtOrBelowTheFloorSelectsTheSame() {
        forEachSeed(0x70F, 20, rng -> {
            int k = 1 + rng.nextInt(8);
            TopK all = new TopK(k);
            TopK skipping = new TopK(k);
            for (int i = 0; i < 200; i++) {
                float s = rng.nextInt(10) == 0 ? Float.NaN : rng.nextInt(20);  // many ties, some NaN
                all.offer(s, i);
                if (!(s <= skipping.floorForLaterPositions())) {
                    skipping.offer(s, i);
                }
            }
            assertArrayEquals(all.result().positions(), skipping.result().positions());
        });
    }

    @Test
    void positiveAndNegativeZeroTie() {
        assertArrayEquals(new int[] {0, 1}, TopK.largest(new float[] {-0f, 0f, -1f}, 2));
        assertArrayEquals(new int[] {0, 1}, TopK.largest(new float[] {0f, -0f, -1f}, 2));
    }

    @Test
    void nanRanksBelowEveryNumber() {
        float[] scores = {Float.NaN, Float.NEGATIVE_INFINITY, 1f, Float.NaN, -5f};
        assertArrayEquals(new int[] {2, 4, 1}, TopK.largest(scores, 3));
        assertArrayEquals(new int[] {2, 4, 1, 0, 3}, TopK.largest(scores, 5));
        assertArrayEquals(new int[] {0, 1}, TopK.largest(new float[] {Float.NaN, Float.NaN, Float.NaN}, 2));
    }

    @Test
    void kZeroSelectsNothing() {
        TopK top = new TopK(0);
        top.offer(3f, 7);
        assertEquals(0, top.result().size());
        assertArrayEquals(new int[0], TopK.largest(new float[] {1, 2}, 0));
    }

    @Test
    void kBeyondTheCandidatesSelectsAllBestFirst() {
        TopK top = new TopK(10);
        top.offer(1f, 5);
        top.offer(3f, 9);
        top.offer(2f, 1);
        TopK.Result r = top.result();
        assertArrayEquals(new long[] {9, 1, 5}, r.positions());
        assertArrayEquals(new float[] {3, 2, 1}, r.scores());
        assertArrayEquals(new long[] {1, 5, 9}, r.sortedPositions());
        assertArrayEquals(new int[] {1, 0}, TopK.largest(new float[] {1, 2}, 5));
    }

    @Test
    void negativeKIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopK(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    /**
     * The streaming selection (several compactions when n exceeds 2k) picks what sorting everything
     * would, on scores full of ties and NaN.
     */
    @Test
    void streamingSelectionEqualsTheSortBasedReference() {
        forEachSeed(5, 1000, rng -> {
            int n = rng.nextInt(200);
            float[] scores = randomScores(rng, n);
            int k = rng.nextInt(n + 3);
            TopK top = new TopK(k);
            int[] order = shuffled(rng, n);
            for (int i : order) {
                top.offer(scores[i], i);
            }
            TopK.Result got = top.result();
            long[] want = sortBasedTopK(scores, k);
            assertArrayEquals(want, got.positions(), () -> "scores " + Arrays.toString(scores) + ", k " + k);
            for (int i = 0; i < want.length; i++) {
                assertEquals(Float.floatToRawIntBits(scores[(int) want[i]]), Float.floatToRawIntBits(got.scores()[i]));
            }
        });
    }

    // few distinct values (many ties), NaN, infinities and signed zeros
    private static float[] randomScores(Rng rng, int n) {
        float[] pool = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 0f, 1f, -1f, 2.5f};
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            scores[i] = rng.nextInt(3) == 0 ? pool[rng.nextInt(pool.length)] : rng.nextInt(5) - 2f;
        }
        return scores;
    }

    private static int[] shuffled(Rng rng, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(i + 1);
            order[i] = order[j];
            order[j] = i;
        }
        return order;
    }

    // sort all indices: numbers descending (-0 equal to 0), NaN last, ties by index
    private static long[] sortBasedTopK(float[] scores, int k) {
        Integer[] idx = new Integer[scores.length];
        Arrays.setAll(idx, i -> i);
        Comparator<Integer> byRank = Comparator.comparing((Integer i) -> Float.isNaN(scores[i]))
                .thenComparing((Integer i) -> Float.isNaN(scores[i]) ? 0.0 : -(double) scores[i] + 0.0)
                .thenComparing(i -> i);
        Arrays.sort(idx, byRank);
        return Arrays.stream(idx).limit(k).mapToLong(i -> i).toArray();
    }
}
