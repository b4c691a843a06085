package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.nn.SparseParam;
import rewire.optim.Schedule;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;

/** Fantastic Weights criteria (METHODS C.5), SET's per-sign removal (I.1) and CHTs soft removal (E.9). */
class PruneCriterionTest {
    // a dense 4 x 4 layer, entry e = row * 4 + col
    private static final float[] W = {
        0.9f, -0.1f, 0.5f, -0.7f,
        0.05f, 0.3f, -0.02f, 1.2f,
        -0.4f, 0.2f, 0.8f, -0.06f,
        0.6f, -0.9f, 0.01f, -0.3f};
    private static final float[] G = {
        0.1f, 2.0f, 0.01f, 0.5f,
        3.0f, 0.2f, 0.05f, 0.1f,
        0.3f, 0.02f, 0.1f, 4.0f,
        0.1f, 0.2f, 5.0f, 0.6f};

    private static SparseParam param(float[] w, float[] g) {
        SparseParam p = new SparseParam("w", new CsrMatrix(Patterns.full(1, w.length), w.clone()));
        System.arraycopy(g, 0, p.grad(), 0, g.length);
        return p;
    }

    // the entries removed when `count` of them go by `criterion`
    private static int[] removed(PruneCriterion criterion, SparseParam p, int count) {
        boolean[] keep = Constraint.unstructured().keep(p.pattern(), criterion.scores(p), criterion.keyRule(0),
                new Rng(1), count, p.size());
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < keep.length; e++) {
            if (!keep[e]) {
                out.add(e);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void eachCriterionRemovesTheHandComputedEntries() {
        SparseParam p = param(W, G);
        // |w|: 0.01 (14), 0.02 (6), 0.05 (4), 0.06 (11)
        assertArrayEquals(new int[] {4, 6, 11, 14}, removed(PruneCriterion.magnitude(), p, 4));
        // |w g|: 0.001 (6), 0.004 (9), 0.005 (2), 0.05 (14); next are 0.06 (5, 12)
        assertArrayEquals(new int[] {2, 6, 9, 14}, removed(PruneCriterion.snip(), p, 4));
        assertArrayEquals(new int[] {2, 6, 9, 14}, removed(PruneCriterion.taylor(), p, 4));
        // |w| + |g|: 0.07 (6), 0.22 (9), 0.5 (5), 0.51 (2); next 0.7 (8, 12)
        assertArrayEquals(new int[] {2, 5, 6, 9}, removed(PruneCriterion.mest(1.0), p, 4));
        // |g| / |w|: 0.02 (2), 0.083 (7), 0.1 (9), 0.111 (0); next 0.125 (10)
        assertArrayEquals(new int[] {0, 2, 7, 9}, removed(PruneCriterion.sensitivity(), p, 4));
        // |w| / |g|: 0.002 (14), 0.015 (11), 0.0167 (4), 0.05 (1); next 0.4 (6)
        assertArrayEquals(new int[] {1, 4, 11, 14}, removed(PruneCriterion.reciprocalSensitivity(), p, 4));
    }

    @Test
    void mestWithGammaZeroIsMagnitude() {
        SparseParam p = param(W, G);
        for (int k = 0; k <= 16; k++) {
            assertArrayEquals(removed(PruneCriterion.magnitude(), p, k), removed(PruneCriterion.mest(0), p, k));
        }
    }

    @Test
    void setRemovesTheSameFractionOfEachSignNearestZero() {
        // 6 positives near zero, 4 large negatives; zeta 0.5 removes 5: 3 positives and 2 negatives
        float[] w = {0.01f, -1f, 0.02f, -2f, 0.03f, -3f, 0.04f, -4f, 0.05f, 0.06f};
        SparseParam p = param(w, new float[w.length]);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, removed(PruneCriterion.set(), p, 5));
        // magnitude would take five positives
        assertArrayEquals(new int[] {0, 2, 4, 6, 8}, removed(PruneCriterion.magnitude(), p, 5));
    }

    @Test
    void setEqualSplitRemovesEqualCountsFromEachSign() {
        float[] w = {0.01f, -1f, 0.02f, -2f, 0.03f, -3f, 0.04f, -4f, 0.05f, 0.06f};
        SparseParam p = param(w, new float[w.length]);
        assertArrayEquals(new int[] {0, 1, 2, 3}, removed(PruneCriterion.setEqualSplit(), p, 4));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, removed(PruneCriterion.setEqualSplit(), p, 6));
    }

    @Test
    void setRanksZerosFirst() {
        float[] w = {0.5f, 0f, -0.5f, 0.4f, 0f};
        SparseParam p = param(w, new float[w.length]);
        assertArrayEquals(new int[] {1, 4}, removed(PruneCriterion.set(), p, 2));
    }

    @Test
    void setSplitsRemovalsByEachSignsShareAndTakesThoseNearestZero() {
        forEachSeed(204, 500, rng -> {
            int size = intBetween(rng, 1, 60);
            List<Integer> raw = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                raw.add(intBetween(rng, -1000, 1000));
            }
            checkSetSplit(raw, intBetween(rng, 0, 100));
        });
    }

    private static void checkSetSplit(List<Integer> raw, int percent) {
        float[] w = new float[raw.size()];
        int pos = 0;
        int neg = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = raw.get(i) == 0 ? 0.5f : raw.get(i) / 100f;
            pos += w[i] > 0 ? 1 : 0;
            neg += w[i] < 0 ? 1 : 0;
        }
        int n = (int) Math.floor(percent / 100.0 * w.length);
        int[] gone = removed(PruneCriterion.set(), param(w, new float[w.length]), n);
        int goneNeg = 0;
        float maxGonePos = 0;
        float maxGoneNeg = 0;
        for (int e : gone) {
            goneNeg += w[e] < 0 ? 1 : 0;
            maxGonePos = w[e] > 0 ? Math.max(maxGonePos, w[e]) : maxGonePos;
            maxGoneNeg = w[e] < 0 ? Math.max(maxGoneNeg, -w[e]) : maxGoneNeg;
        }
        double quota = (double) n * neg / w.length;
        assertTrue(goneNeg >= Math.floor(quota - 1e-9) && goneNeg <= Math.ceil(quota + 1e-9),
                goneNeg + " negatives removed, quota " + quota);
        // nearest zero on each side: every kept weight of a sign is at least as far from zero
        for (int e = 0; e < w.length; e++) {
            final int entry = e;
            if (java.util.Arrays.stream(gone).noneMatch(x -> x == entry)) {
                if (w[e] > 0) {
                    assertTrue(w[e] >= maxGonePos);
                } else {
                    assertTrue(-w[e] >= maxGoneNeg);
                }
            }
        }
    }

    @Test
    void relativeImportanceIsTheRowAndColumnShare() {
        SparseParam p = Fixtures.param("ri", new float[][] {{1, 0, 3}, {2, 4, 0}}, null);
        float[] ri = PruneCriterion.relativeImportance().scores(p);
        // entries: (0,0)=1 (0,2)=3 (1,0)=2 (1,1)=4; column sums 3, 4, 3; row sums 4, 6
        assertEquals(1 / (3 + 1e-5) + 1 / (4 + 1e-5), ri[0], 1e-6);
        assertEquals(3 / (3 + 1e-5) + 3 / (4 + 1e-5), ri[1], 1e-6);
        assertEquals(2 / (3 + 1e-5) + 2 / (6 + 1e-5), ri[2], 1e-6);
        assertEquals(4 / (4 + 1e-5) + 4 / (6 + 1e-5), ri[3], 1e-6);
    }

    @Test
    void softRemovalKeepsInProportionToScoreToTheTemperature() {
        // keep 1 of 4 with weights |w|^T, T = 2: probabilities 1, 4, 9, 16 over 30
        float[] w = {1, 2, 3, 4};
        SparseParam p = param(w, new float[4]);
        PruneCriterion soft = PruneCriterion.soft(PruneCriterion.magnitude(), Schedule.constant(2));
        int draws = 10_000;
        int[] kept = new int[4];
        Rng rng = new Rng(42);
        for (int i = 0; i < draws; i++) {
            boolean[] keep = Constraint.unstructured().keep(p.pattern(), soft.scores(p), soft.keyRule(0), rng.fold(i), 3, 4);
            for (int e = 0; e < 4; e++) {
                kept[e] += keep[e] ? 1 : 0;
            }
        }
        double chi2 = 0;
        double[] expected = {1 / 30.0, 4 / 30.0, 9 / 30.0, 16 / 30.0};
        for (int e = 0; e < 4; e++) {
            double ex = expected[e] * draws;
            chi2 += (kept[e] - ex) * (kept[e] - ex) / ex;
        }
        // 3 degrees of freedom: the 99.9% quantile is 16.27
        assertTrue(chi2 < 16.27, "chi-square " + chi2 + " for " + java.util.Arrays.toString(kept));
    }

    @Test
    void softRemovalSamplesWithoutReplacement() {
        // keep 2 of 3 with weights 1, 1, 2 (T = 1): P(drop entry 2) = P(2 picked last) = 1/4 * 1/3... compute exactly:
        // P(keep {0,1}) = P(first 0, then 1) + P(first 1, then 0) = (1/4)(1/3) + (1/4)(1/3) = 1/6
        float[] w = {1, 1, 2};
        SparseParam p = param(w, new float[3]);
        PruneCriterion soft = PruneCriterion.soft(PruneCriterion.magnitude(), Schedule.constant(1));
        int draws = 12_000;
        int droppedTwo = 0;
        for (int i = 0; i < draws; i++) {
            boolean[] keep = Constraint.unstructured().keep(p.pattern(), soft.scores(p), soft.keyRule(0), new Rng(i), 1, 3);
            droppedTwo += keep[2] ? 0 : 1;
        }
        double rate = droppedTwo / (double) draws;
        // binomial standard deviation sqrt(p (1 - p) / n) = 0.0034; allow 5 of them
        assertEquals(1 / 6.0, rate, 0.017);
    }
}
