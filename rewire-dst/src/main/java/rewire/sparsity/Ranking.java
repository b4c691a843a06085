package rewire.sparsity;

import java.util.Arrays;

/**
 * Keep-the-best selection over an array of keys, in {@link rewire.kernel.TopK}'s order: larger
 * keys first, equal keys to the lower index, NaN below everything. Keys and indices are packed
 * into longs and sorted as primitives: O(n log n) without boxing, and independent of which side
 * (kept or dropped) is larger.
 */
final class Ranking {
    private Ranking() {
    }

    /** Flags the {@code keep} best entries of {@code keys}. */
    static boolean[] keepTop(float[] keys, int keep) {
        int n = keys.length;
        boolean[] out = new boolean[n];
        if (keep >= n) {
            Arrays.fill(out, true);
            return out;
        }
        long[] order = new long[n];
        for (int e = 0; e < n; e++) {
            // ascending order of (~key, index) is descending key, then ascending index
            order[e] = ((long) ~sortable(keys[e]) << 32) | e;
        }
        Arrays.sort(order);
        for (int i = 0; i < keep; i++) {
            out[(int) order[i]] = true;
        }
        return out;
    }

    /** An int whose signed order is the float order of {@code key}; NaN lowest, -0 equal to 0. */
    static int sortable(float key) {
        if (Float.isNaN(key)) {
            return Integer.MIN_VALUE;
        }
        int bits = Float.floatToIntBits(key + 0.0f);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }
}
