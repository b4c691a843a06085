package rewire.sparsity;

import java.util.Arrays;

/**
 * Keep-the-best selection over an array of keys, in {@link rewire.kernel.TopK}'s order: larger
 * keys first, equal keys to the lower index, NaN below everything. Large arrays (a layer's entries
 * on a topology update) find the threshold key by radix selection over the keys' four bytes, most
 * significant first: O(n) time and nothing of the keys' size allocated besides the result, where
 * sorting (key, index) pairs costs O(n log n) and a {@code long[n]}. Small arrays (the groups of
 * an N:M constraint, a few units) sort those pairs: four histogram passes would cost more.
 */
final class Ranking {
    /**
     * Arrays at least this long are ranked by radix selection; below it, sorting the pairs costs
     * less than four histogram passes of 256 buckets.
     */
    static final int RADIX_FROM = 128;

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
        if (keep <= 0) {
            return out;
        }
        if (n < RADIX_FROM) {
            bySort(keys, keep, out);
        } else {
            byRadix(keys, keep, out);
        }
        return out;
    }

    private static void bySort(float[] keys, int keep, boolean[] out) {
        long[] order = new long[keys.length];
        for (int e = 0; e < keys.length; e++) {
            // ascending order of (~key, index) is descending key, then ascending index
            order[e] = ((long) ~sortable(keys[e]) << 32) | e;
        }
        Arrays.sort(order);
        for (int i = 0; i < keep; i++) {
            out[(int) order[i]] = true;
        }
    }

    private static void byRadix(float[] keys, int keep, boolean[] out) {
        // prefix: the keep-th largest key as unsigned(key); ties: how many keys equal to it are kept
        int prefix = 0;
        int prefixMask = 0;
        int ties = keep;
        int[] counts = new int[256];
        for (int shift = 24; shift >= 0; shift -= 8) {
            Arrays.fill(counts, 0);
            for (float key : keys) {
                int u = unsigned(key);
                if ((u & prefixMask) == prefix) {
                    counts[(u >>> shift) & 0xFF]++;
                }
            }
            int bucket = 255;
            while (counts[bucket] < ties) {
                ties -= counts[bucket--];
            }
            prefix |= bucket << shift;
            prefixMask |= 0xFF << shift;
        }
        for (int e = 0; e < keys.length; e++) {
            int u = unsigned(keys[e]);
            // unsigned comparison: the flipped sign bit makes the keys' order the unsigned int order
            if (Integer.compareUnsigned(u, prefix) > 0) {
                out[e] = true;
            } else if (u == prefix && ties > 0) {
                out[e] = true;
                ties--;
            }
        }
    }

    // sortable(key) with the sign bit flipped: its unsigned order is the key's order
    private static int unsigned(float key) {
        return sortable(key) ^ Integer.MIN_VALUE;
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
