package rewire.sparsity;

import java.util.Arrays;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;

/**
 * Positions chosen by a grow step, row-major {@code row * cols + col}, strictly increasing, each
 * with the key that won it, and the floating-point operations spent on the scores that chose them
 * ({@link ScoreSource#flops}), so that a run can count what growth cost.
 */
public record Selection(long[] positions, float[] keys, long scoringFlops) {
    private static final int DIGIT_BITS = 11;

    public Selection {
        if (positions.length != keys.length || scoringFlops < 0) {
            throw new IllegalArgumentException(positions.length + " positions, " + keys.length + " keys and "
                    + scoringFlops + " scoring FLOPs: need as many keys as positions and FLOPs >= 0");
        }
        for (int i = 1; i < positions.length; i++) {
            if (positions[i] <= positions[i - 1]) {
                throw new IllegalArgumentException("selected positions must strictly increase at index " + i);
            }
        }
    }

    public static Selection empty() {
        return new Selection(new long[0], new float[0], 0);
    }

    /**
     * A selection from distinct positions and their keys in any order, sorted here by position,
     * with no scoring FLOPs yet ({@link #plusScoringFlops}). Positions are 64-bit: a layer of a
     * million inputs and a million outputs has 10^12 of them. The pairs are radix-sorted, 11 bits
     * of the position a pass, as many passes as the largest position needs (2 for a 1000 x 1000
     * layer, 4 for 10^12 positions): sorting the positions and finding each key's place by binary
     * search took a third of a RigL update (docs/benchmarks-rewire.md).
     *
     * @throws IllegalArgumentException if the arrays differ in length or a position is negative or repeats
     */
    static Selection unsorted(long[] positions, float[] keys) {
        if (positions.length != keys.length) {
            throw new IllegalArgumentException(positions.length + " positions and " + keys.length + " keys");
        }
        long max = 0;
        for (long p : positions) {
            if (p < 0) {
                throw new IllegalArgumentException("negative position " + p);
            }
            max = Math.max(max, p);
        }
        int n = positions.length;
        long[] p = positions.clone();
        float[] k = keys.clone();
        long[] pOut = new long[n];
        float[] kOut = new float[n];
        int[] start = new int[1 << DIGIT_BITS];
        for (int shift = 0; shift < 64 - Long.numberOfLeadingZeros(max); shift += DIGIT_BITS) {
            Arrays.fill(start, 0);
            for (long v : p) {
                start[digit(v, shift)]++;
            }
            for (int d = 0, sum = 0; d < start.length; d++) {
                int count = start[d];
                start[d] = sum;
                sum += count;
            }
            for (int i = 0; i < n; i++) {
                int at = start[digit(p[i], shift)]++;
                pOut[at] = p[i];
                kOut[at] = k[i];
            }
            long[] pSwap = p;
            p = pOut;
            pOut = pSwap;
            float[] kSwap = k;
            k = kOut;
            kOut = kSwap;
        }
        return new Selection(p, k, 0);   // a repeated position fails the constructor's check
    }

    private static int digit(long position, int shift) {
        return (int) (position >>> shift) & ((1 << DIGIT_BITS) - 1);
    }

    public int size() {
        return positions.length;
    }

    /** Whether some position won with key -infinity (a sampled selection ran out of positive weights). */
    public boolean hasInfiniteKey() {
        for (float k : keys) {
            if (k == Float.NEGATIVE_INFINITY) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code p} plus these positions, none of which it may hold.
     *
     * @throws IllegalStateException if a selected position is already in {@code p}
     */
    SparsityPattern addedTo(SparsityPattern p) {
        SparsityPattern out = Patterns.union(p, Patterns.fromSortedPositions(p.rows(), p.cols(), positions));
        if (out.nnz() != p.nnz() + size()) {
            throw new IllegalStateException((p.nnz() + size() - out.nnz()) + " of " + size()
                    + " selected positions are already in the " + p.rows() + " x " + p.cols() + " pattern");
        }
        return out;
    }

    /** The union with a disjoint selection; scoring both cost the sum. */
    Selection plus(Selection other) {
        long[] p = Arrays.copyOf(positions, size() + other.size());
        float[] k = Arrays.copyOf(keys, size() + other.size());
        System.arraycopy(other.positions, 0, p, size(), other.size());
        System.arraycopy(other.keys, 0, k, size(), other.size());
        return unsorted(p, k).plusScoringFlops(Math.addExact(scoringFlops, other.scoringFlops));
    }

    /** The same positions, having cost {@code flops} more to score. */
    Selection plusScoringFlops(long flops) {
        return new Selection(positions, keys, Math.addExact(scoringFlops, flops));
    }
}
