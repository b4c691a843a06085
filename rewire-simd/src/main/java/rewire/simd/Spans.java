package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;

/**
 * Level-1 products over runs of two arrays, the inner loops of the direct sparse convolution
 * ({@code rewire.autodiff.SparseConvOps}): each nonzero of the kernel adds a shifted run of an
 * image plane to an output plane ({@link #axpy}), and its gradient is the dot product of the two
 * runs ({@link #dot}). Runs are a few hundred floats: two vectors per iteration, then at most one
 * whole vector and one masked one (building the mask costs more than a vector FMA, so a run of
 * whole vectors, such as the small CNN's 248 floats, never builds one).
 * The dot product's order of additions depends only on {@code n} and the vector width.
 */
final class Spans {
    private Spans() {
    }

    // y[yFrom + t] += a · x[xFrom + t], t < n
    static void axpy(float a, float[] x, int xFrom, float[] y, int yFrom, int n) {
        FloatVector va = FloatVector.broadcast(FLOATS, a);
        int t = 0;
        for (; t + 2 * L <= n; t += 2 * L) {
            FloatVector.fromArray(FLOATS, x, xFrom + t).fma(va, FloatVector.fromArray(FLOATS, y, yFrom + t))
                    .intoArray(y, yFrom + t);
            FloatVector.fromArray(FLOATS, x, xFrom + t + L).fma(va, FloatVector.fromArray(FLOATS, y, yFrom + t + L))
                    .intoArray(y, yFrom + t + L);
        }
        if (t + L <= n) {
            FloatVector.fromArray(FLOATS, x, xFrom + t).fma(va, FloatVector.fromArray(FLOATS, y, yFrom + t))
                    .intoArray(y, yFrom + t);
            t += L;
        }
        if (t < n) {
            var m = FLOATS.indexInRange(t, n);
            FloatVector.fromArray(FLOATS, x, xFrom + t, m).fma(va, FloatVector.fromArray(FLOATS, y, yFrom + t, m))
                    .intoArray(y, yFrom + t, m);
        }
    }

    // Σ a[aFrom + t] · b[bFrom + t], t < n
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        FloatVector s0 = FloatVector.zero(FLOATS);
        FloatVector s1 = FloatVector.zero(FLOATS);
        int t = 0;
        for (; t + 2 * L <= n; t += 2 * L) {
            s0 = FloatVector.fromArray(FLOATS, a, aFrom + t).fma(FloatVector.fromArray(FLOATS, b, bFrom + t), s0);
            s1 = FloatVector.fromArray(FLOATS, a, aFrom + t + L).fma(FloatVector.fromArray(FLOATS, b, bFrom + t + L), s1);
        }
        if (t + L <= n) {
            s0 = FloatVector.fromArray(FLOATS, a, aFrom + t).fma(FloatVector.fromArray(FLOATS, b, bFrom + t), s0);
            t += L;
        }
        if (t < n) {
            var m = FLOATS.indexInRange(t, n);
            s0 = FloatVector.fromArray(FLOATS, a, aFrom + t, m).fma(FloatVector.fromArray(FLOATS, b, bFrom + t, m), s0);
        }
        return Lanes.sum(s0.add(s1));
    }
}
