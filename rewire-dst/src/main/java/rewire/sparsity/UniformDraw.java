package rewire.sparsity;

import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * Uniformly random growth (SET) without visiting every free position: draws positions of the
 * whole layer uniformly and rejects those that are excluded or already drawn. The result is a
 * uniformly random k-subset of the free positions, as the key rule {@link KeyRule#uniform()}
 * gives, at O(k log(nnz per row)) expected cost instead of one random number per free position,
 * which matters for large sparse layers (a 4096 x 4096 layer at 1% has 16.6M free positions
 * and grows a few thousand; a layer of a million inputs and outputs has 10^12 positions, so they
 * are 64-bit throughout). Used only while the free positions are at least
 * {@value #MIN_FREE_PER_DRAW} times the count to draw, so the expected number of tries per
 * accepted position stays below two; denser layers go through the key scan.
 */
final class UniformDraw {
    static final int MIN_FREE_PER_DRAW = 2;

    private UniformDraw() {
    }

    /** Whether drawing {@code count} free positions of {@code exclude}'s layer by rejection is cheap. */
    static boolean applies(SparsityPattern exclude, int count) {
        long size = (long) exclude.rows() * exclude.cols();
        return count > 0 && size - exclude.nnz() >= (long) MIN_FREE_PER_DRAW * count;
    }

    /**
     * {@code count} distinct positions outside {@code exclude}, uniformly at random, each with a
     * uniform key in [0, 1) (drawn like the key rule's, so mixed growth can compare them).
     */
    static Selection select(SparsityPattern exclude, int count, Rng rng) {
        int cols = exclude.cols();
        long size = (long) exclude.rows() * cols;
        PositionSet drawn = new PositionSet(count);
        long[] positions = new long[count];
        float[] keys = new float[count];
        int found = 0;
        while (found < count) {
            long p = rng.nextLong(size);
            if (!exclude.contains((int) (p / cols), (int) (p % cols)) && drawn.add(p)) {
                positions[found] = p;
                keys[found] = rng.nextFloat();
                found++;
            }
        }
        return Selection.unsorted(positions, keys);
    }
}
