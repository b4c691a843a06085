package rewire.sparsity;

import java.util.Arrays;
import rewire.nn.SparseParam;

/**
 * SET's removal (Mocanu et al., Nature Communications 2018, "Scalable training of artificial
 * neural networks with adaptive sparse connectivity inspired by network science"): positives and
 * negatives are ranked separately by closeness to zero. The score of an entry is its rank within
 * its sign, counted up from the one nearest zero (equal magnitudes: the higher entry index ranks
 * lower), so removing the lowest scores removes the weights nearest zero on each side:
 * <ul>
 *   <li>proportional (the original): ranks normalized to {@code (i + 1/2) / count}. Removing the
 *       {@code n} lowest then splits the removals between the signs by Webster's divisor method,
 *       which for two parties meets quota: a sign holding {@code P} of {@code N} weights loses
 *       {@code floor} or {@code ceil} of {@code n P / N}, the same fraction of each sign. (The
 *       reference thresholds each sign at {@code int(zeta * count)} separately, so its total can
 *       fall a connection or two short of the engine's {@code floor(zeta * N)}.)</li>
 *   <li>equal split (Fantastic Weights' {@code SET_fixed}): raw ranks, so each sign loses
 *       {@code floor} or {@code ceil} of {@code n / 2} while both signs last.</li>
 * </ul>
 * Exact zeros score -1, below every signed weight.
 */
record SignSplit(boolean proportional) implements PruneCriterion {

    @Override
    public String name() {
        return proportional ? "set" : "set-equal-split";
    }

    @Override
    public float[] scores(SparseParam param) {
        float[] w = param.values();
        float[] out = new float[w.length];
        Arrays.fill(out, -1f);
        rankSide(w, out, true);
        rankSide(w, out, false);
        return out;
    }

    // ranks the entries of one sign by |w|: the nearest to zero gets rank 0
    private void rankSide(float[] w, float[] out, boolean positive) {
        int count = 0;
        for (float v : w) {
            count += (positive ? v > 0 : v < 0) ? 1 : 0;
        }
        // |w| bits order like |w| for non-negative floats; the low half puts the higher index first on ties
        long[] order = new long[count];
        int n = 0;
        for (int e = 0; e < w.length; e++) {
            if (positive ? w[e] > 0 : w[e] < 0) {
                order[n++] = ((long) Float.floatToIntBits(Math.abs(w[e])) << 32) | (Integer.MAX_VALUE - e);
            }
        }
        Arrays.sort(order);
        for (int i = 0; i < count; i++) {
            int e = Integer.MAX_VALUE - (int) (order[i] & 0xFFFFFFFFL);
            out[e] = proportional ? (i + 0.5f) / count : i;
        }
    }
}
