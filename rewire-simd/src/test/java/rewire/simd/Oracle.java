package rewire.simd;

import static org.junit.jupiter.api.Assertions.fail;

import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** Random operands and the float-rounding-aware comparison the kernel tests share. */
final class Oracle {
    /** The sizes every kernel is tried on: odd ones, powers of two, and ones past a vector block. */
    static final int[] SIZES = {1, 3, 7, 8, 13, 31, 64, 100, 207, 702};
    /** Densities; {@link #ONE_ENTRY} stands for a single nonzero. */
    static final double[] DENSITIES = {0, Oracle.ONE_ENTRY, 0.01, 0.1, 0.5, 1};
    static final double ONE_ENTRY = -1;

    private Oracle() {
    }

    /** A uniformly random pattern of the given density (or exactly one entry). */
    static SparsityPattern pattern(int rows, int cols, double density, Rng rng) {
        long size = (long) rows * cols;
        int nnz = density == ONE_ENTRY ? (int) Math.min(1, size) : (int) Math.round(density * size);
        return Patterns.random(rows, cols, nnz, rng);
    }

    /** Standard normal floats. */
    static float[] gaussian(int length, Rng rng) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    static float[] abs(float[] v) {
        float[] a = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = Math.abs(v[i]);
        }
        return a;
    }

    /**
     * Fails unless every {@code actual[i]} is within rounding of {@code expected[i]}: two sums of
     * the same {@code terms} products in different orders differ by at most about
     * {@code 2 terms u} times the sum of their magnitudes {@code magnitude[i]} (u = 2^-24). One
     * missing or doubled term is far outside that for the sizes tested.
     */
    static void assertClose(float[] expected, float[] actual, float[] magnitude, int terms, String what) {
        double u = Math.ulp(1f) / 2;
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 2.0 * (terms + 2) * u * magnitude[i] + Float.MIN_NORMAL;
            if (!(Math.abs((double) expected[i] - actual[i]) <= tolerance)) {
                fail(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]
                        + " within " + tolerance);
            }
        }
    }
}
