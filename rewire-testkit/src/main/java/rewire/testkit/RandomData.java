package rewire.testkit;

import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Seeded random inputs for tests: dense tensors, sparse patterns of a given density or kind, and
 * sparse matrices. Everything takes an explicit {@link Rng}, so a failing case is reproduced by
 * its seed.
 */
public final class RandomData {
    private RandomData() {
    }

    /**
     * The pattern kinds the kernel contract covers: the densities of ARCHITECTURE.md's test plan
     * and a pattern with empty rows and empty columns.
     */
    public enum PatternKind {
        /** No entries at all. */
        EMPTY,
        /** Exactly one entry (none when the shape is empty). */
        ONE_ENTRY,
        /** 1% of the positions, rounded to nearest. */
        PERCENT_1,
        /** 10% of the positions, rounded to nearest. */
        PERCENT_10,
        /** Half the positions, rounded to nearest. */
        PERCENT_50,
        /** Every position. */
        FULL,
        /** About half the positions in a random half of the rows and columns; the rest empty. */
        EMPTY_ROWS_AND_COLS
    }

    /** Uniform floats in [-1, 1). */
    public static float[] floats(Rng rng, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = 2 * rng.nextFloat() - 1;
        }
        return out;
    }

    /** A tensor of shape {@code dims} with standard Gaussian entries. */
    public static Tensor gaussian(Rng rng, int... dims) {
        Tensor t = Tensor.zeros(dims);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    /** A {@code (rows, cols)} matrix of uniform floats in [-1, 1). */
    public static Tensor tensor(Rng rng, int rows, int cols) {
        return Tensor.wrap(floats(rng, Math.multiplyExact(rows, cols)), rows, cols);
    }

    /** A uniformly random pattern with {@code round(density * rows * cols)} entries. */
    public static SparsityPattern pattern(Rng rng, int rows, int cols, double density) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in [0, 1], got " + density);
        }
        long nnz = Math.round(density * rows * cols);
        return Patterns.random(rows, cols, Math.toIntExact(nnz), rng);
    }

    /** A random pattern of the given kind. */
    public static SparsityPattern pattern(Rng rng, int rows, int cols, PatternKind kind) {
        return switch (kind) {
            case EMPTY -> Patterns.empty(rows, cols);
            case ONE_ENTRY -> Patterns.random(rows, cols, rows * cols == 0 ? 0 : 1, rng);
            case PERCENT_1 -> pattern(rng, rows, cols, 0.01);
            case PERCENT_10 -> pattern(rng, rows, cols, 0.10);
            case PERCENT_50 -> pattern(rng, rows, cols, 0.50);
            case FULL -> Patterns.full(rows, cols);
            case EMPTY_ROWS_AND_COLS -> withEmptyRowsAndCols(rng, rows, cols, 0.5);
        };
    }

    /**
     * A pattern whose entries lie only in a random half of the rows and a random half of the
     * columns (rounded down, so a 1-row shape has its row empty), each such position present with
     * probability {@code density}. At least one row and one column are empty when the
     * dimension is 2 or more.
     */
    public static SparsityPattern withEmptyRowsAndCols(Rng rng, int rows, int cols, double density) {
        boolean[] liveRow = randomHalf(rng, rows);
        boolean[] liveCol = randomHalf(rng, cols);
        boolean[] mask = new boolean[Math.multiplyExact(rows, cols)];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mask[r * cols + c] = liveRow[r] && liveCol[c] && rng.nextDouble() < density;
            }
        }
        return Patterns.fromMask(mask, rows, cols);
    }

    /** A matrix on {@code pattern} with uniform values in [-1, 1). */
    public static CsrMatrix matrix(Rng rng, SparsityPattern pattern) {
        return new CsrMatrix(pattern, floats(rng, pattern.nnz()));
    }

    // floor(n / 2) of n flags set, chosen uniformly
    private static boolean[] randomHalf(Rng rng, int n) {
        boolean[] flags = new boolean[n];
        SparsityPattern chosen = Patterns.random(1, n, n / 2, rng);
        for (int c : chosen.colIdx()) {
            flags[c] = true;
        }
        return flags;
    }
}
