package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Elementwise passes that rewrite a range {@code [from, to)} of an array in place, with their
 * loads and stores on that array's memory grid (see {@link Alignment}): a masked head up to the
 * first vector boundary, whole aligned vectors, and a masked tail. The masks keep every lane
 * outside the range untouched, so ranges of other threads' rows may share the boundary vectors.
 *
 * <p>Why: a row of 128 floats starts wherever the array landed, so its vectors would each
 * straddle two cache lines. Measured on a 1000 x 128 layer: gating before the weight gradient
 * took 16 us with straddling vectors and 11 us on the grid. Any {@code lead} gives the same
 * result; only the speed depends on it being the true one.
 */
final class OnGrid {
    private OnGrid() {
    }

    /** {@code y[from .. to) = max(y, 0)}, with {@code lead} the floats from {@code y[0]} to a vector boundary. */
    static void relu(float[] y, int from, int to, int lead) {
        int j = firstBoundary(from, to, lead);
        if (j > from) {
            VectorMask<Float> m = FLOATS.indexInRange(j - L - from, to - from);
            FloatVector.fromArray(FLOATS, y, j - L, m).max(0f).intoArray(y, j - L, m);
        }
        for (; j + L <= to; j += L) {
            FloatVector.fromArray(FLOATS, y, j).max(0f).intoArray(y, j);
        }
        if (j < to) {
            VectorMask<Float> m = FLOATS.indexInRange(0, to - j);
            FloatVector.fromArray(FLOATS, y, j, m).max(0f).intoArray(y, j, m);
        }
    }

    /**
     * {@code a[i] = 0} where {@code !(gate[i] > 0)}, for {@code i} in {@code [from, to)} (a ReLU's
     * gradient, gated by its output), on {@code a}'s grid ({@code lead} of {@code a}).
     */
    static void gate(float[] a, float[] gate, int from, int to, int lead) {
        int j = firstBoundary(from, to, lead);
        if (j > from) {
            VectorMask<Float> m = FLOATS.indexInRange(j - L - from, to - from);
            gateVector(a, gate, j - L, m);
        }
        for (; j + L <= to; j += L) {
            FloatVector g = FloatVector.fromArray(FLOATS, gate, j);
            FloatVector.fromArray(FLOATS, a, j).blend(0f, g.compare(VectorOperators.GT, 0f).not()).intoArray(a, j);
        }
        if (j < to) {
            gateVector(a, gate, j, FLOATS.indexInRange(0, to - j));
        }
    }

    // one masked vector of gate(): only lanes in m are read or written
    private static void gateVector(float[] a, float[] gate, int at, VectorMask<Float> m) {
        FloatVector g = FloatVector.fromArray(FLOATS, gate, at, m);
        FloatVector.fromArray(FLOATS, a, at, m).blend(0f, g.compare(VectorOperators.GT, 0f).not())
                .intoArray(a, at, m);
    }

    // the first index at or after from on the grid (a[lead + kL]), at most to
    private static int firstBoundary(int from, int to, int lead) {
        return Math.min(to, from + Math.floorMod(lead - from, L));
    }
}
