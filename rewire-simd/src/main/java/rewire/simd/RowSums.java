package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;

/**
 * Row sums {@code out[r] (+)= Σ_j a[r, j]} of a row-major {@code (rows, n)} matrix: the bias
 * gradient of a layer, {@code dy} summed over the batch (or, for a convolution, over batch and
 * pixels).
 *
 * <p>A row is cut into chunks of {@value #CHUNK} floats; each chunk is summed in two vector
 * accumulators (the last vector masked), folded by {@link Lanes#sum}, and added to a double. So a
 * long row loses no more precision than one chunk's float sum, and the order of every addition
 * depends only on {@code n} and the vector width.
 */
final class RowSums {
    static final int CHUNK = 1024;

    private RowSums() {
    }

    static void run(float[] a, int n, float[] out, int rowFrom, int rowTo, boolean accumulate) {
        for (int r = rowFrom; r < rowTo; r++) {
            double total = 0;
            for (int c = 0; c < n; c += CHUNK) {
                total += chunk(a, r * n + c, Math.min(CHUNK, n - c));
            }
            out[r] = accumulate ? out[r] + (float) total : (float) total;
        }
    }

    // Σ a[from .. from + length)
    private static float chunk(float[] a, int from, int length) {
        FloatVector s0 = FloatVector.zero(FLOATS);
        FloatVector s1 = FloatVector.zero(FLOATS);
        int j = 0;
        for (; j + 2 * L <= length; j += 2 * L) {
            s0 = s0.add(FloatVector.fromArray(FLOATS, a, from + j));
            s1 = s1.add(FloatVector.fromArray(FLOATS, a, from + j + L));
        }
        for (; j < length; j += L) {
            s0 = s0.add(FloatVector.fromArray(FLOATS, a, from + j, FLOATS.indexInRange(j, length)));
        }
        return Lanes.sum(s0.add(s1));
    }
}
