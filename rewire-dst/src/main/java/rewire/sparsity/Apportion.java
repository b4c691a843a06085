package rewire.sparsity;

import java.util.Arrays;
import java.util.Comparator;

/** Splitting an integer total into capped integer parts proportional to weights. */
final class Apportion {
    private Apportion() {
    }

    /**
     * Parts proportional to {@code weights}, each at most {@code caps[i]}, summing to exactly
     * {@code min(total, sum(caps))}. A part whose share would exceed its cap is fixed at the cap
     * and the remainder re-split among the others (water filling; this is the dense-layer
     * fallback of the ERK solve). Real-valued parts are then rounded by largest remainder, ties
     * to the lower index. Parts of zero weight receive only what the others cannot hold.
     */
    static long[] proportional(double[] weights, long total, long[] caps) {
        assert weights.length == caps.length;
        long capSum = 0;
        for (long c : caps) {
            assert c >= 0;
            capSum += c;
        }
        long target = Math.max(0, Math.min(total, capSum));
        double[] ideal = waterFill(weights, target, caps);
        long[] parts = roundLargestRemainder(ideal, target, caps);
        long given = Arrays.stream(parts).sum();
        if (given < target) {
            double[] flat = new double[weights.length];
            long[] room = new long[caps.length];
            for (int i = 0; i < flat.length; i++) {
                room[i] = caps[i] - parts[i];
                flat[i] = room[i] > 0 ? 1 : 0;
            }
            long[] extra = roundLargestRemainder(waterFill(flat, target - given, room), target - given, room);
            for (int i = 0; i < parts.length; i++) {
                parts[i] += extra[i];
            }
        }
        return parts;
    }

    // real parts proportional to the positive weights, capped, summing to target when the capped
    // positive-weight parts can hold it
    private static double[] waterFill(double[] weights, long target, long[] caps) {
        int n = weights.length;
        double[] ideal = new double[n];
        boolean[] capped = new boolean[n];
        while (true) {
            double remaining = target;
            double weightSum = 0;
            for (int i = 0; i < n; i++) {
                if (capped[i]) {
                    remaining -= caps[i];
                } else if (weights[i] > 0) {
                    weightSum += weights[i];
                }
            }
            if (weightSum == 0) {
                return ideal;
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (!capped[i] && weights[i] > 0) {
                    ideal[i] = Math.max(0, remaining) * weights[i] / weightSum;
                    if (ideal[i] >= caps[i]) {
                        ideal[i] = caps[i];
                        capped[i] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return ideal;
            }
        }
    }

    private static long[] roundLargestRemainder(double[] ideal, long target, long[] caps) {
        int n = ideal.length;
        long[] parts = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            parts[i] = Math.min(caps[i], (long) Math.floor(ideal[i]));
            given += parts[i];
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Comparator<Integer> byFraction = Comparator.comparingDouble(i -> -(ideal[i] - Math.floor(ideal[i])));
        Arrays.sort(order, byFraction.thenComparingInt(i -> i));
        // the real parts sum to at most target, so one pass by fraction distributes the rest;
        // the loop also absorbs floating-point drift of a unit either way
        for (int pass = 0; given < target && pass < 2; pass++) {
            for (int k = 0; k < n && given < target; k++) {
                int i = order[k];
                if (parts[i] < caps[i] && (pass == 1 || ideal[i] > parts[i])) {
                    parts[i]++;
                    given++;
                }
            }
        }
        for (int k = n - 1; k >= 0 && given > target; k--) {
            int i = order[k];
            if (parts[i] > 0) {
                parts[i]--;
                given--;
            }
        }
        return parts;
    }
}
