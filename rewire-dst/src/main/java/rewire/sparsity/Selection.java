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
     * million inputs and a million outputs has 10^12 of them.
     */
    static Selection unsorted(long[] positions, float[] keys) {
        long[] p = positions.clone();
        Arrays.sort(p);
        float[] k = new float[keys.length];
        for (int i = 0; i < positions.length; i++) {
            // distinct positions land on distinct indices; a repeat fails the constructor's check
            k[Arrays.binarySearch(p, positions[i])] = keys[i];
        }
        return new Selection(p, k, 0);
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
