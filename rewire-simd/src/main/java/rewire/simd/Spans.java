package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * The inner loops of the direct sparse convolution ({@code rewire.autodiff.SparseConvOps}): a
 * plane of output (or of input gradient) as the weighted sum of shifted runs of other planes
 * ({@link #sums}), and a kernel row's weight gradients as dot products of one run with shifted
 * runs ({@link #dots}).
 *
 * <p>Both keep their partial sums in registers across the nonzeros, so each nonzero costs one
 * load and one fused multiply-add per vector: {@code sums} holds four vectors of output (64
 * floats with 512-bit vectors) while it walks a row's nonzeros, instead of reading and writing
 * the output plane once per nonzero; {@code dots} reads a vector of the run once for four
 * nonzeros and reduces each accumulator once per call, not once per image. A run's last vectors
 * go in passes of two and one, and only a partial last vector is masked: with 256-bit vectors
 * a pass of masked loads over whole vectors did not compile to vector code and took a fifth of
 * the convolution's time.
 */
final class Spans {
    private static final int BLOCK = 4;     // vectors of output per pass over the nonzeros; nonzeros per dots pass

    private Spans() {
    }

    // y[yFrom + t] = Σ_{e ∈ [from, to)} w[e] · x[xFrom + offset[e] + t], t < n
    static void sums(float[] w, int[] offset, int from, int to, float[] x, int xFrom, float[] y, int yFrom, int n) {
        int t = 0;
        for (; t + BLOCK * L <= n; t += BLOCK * L) {
            // two sets of partial sums, for the even and the odd nonzeros: eight independent chains of
            // fused multiply-adds cover the instruction's latency, four do not
            FloatVector s0 = FloatVector.zero(FLOATS);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            FloatVector u0 = s0;
            FloatVector u1 = s0;
            FloatVector u2 = s0;
            FloatVector u3 = s0;
            int e = from;
            for (; e + 1 < to; e += 2) {
                FloatVector we = FloatVector.broadcast(FLOATS, w[e]);
                FloatVector wf = FloatVector.broadcast(FLOATS, w[e + 1]);
                int p = xFrom + offset[e] + t;
                int q = xFrom + offset[e + 1] + t;
                s0 = FloatVector.fromArray(FLOATS, x, p).fma(we, s0);
                s1 = FloatVector.fromArray(FLOATS, x, p + L).fma(we, s1);
                s2 = FloatVector.fromArray(FLOATS, x, p + 2 * L).fma(we, s2);
                s3 = FloatVector.fromArray(FLOATS, x, p + 3 * L).fma(we, s3);
                u0 = FloatVector.fromArray(FLOATS, x, q).fma(wf, u0);
                u1 = FloatVector.fromArray(FLOATS, x, q + L).fma(wf, u1);
                u2 = FloatVector.fromArray(FLOATS, x, q + 2 * L).fma(wf, u2);
                u3 = FloatVector.fromArray(FLOATS, x, q + 3 * L).fma(wf, u3);
            }
            if (e < to) {
                FloatVector we = FloatVector.broadcast(FLOATS, w[e]);
                int p = xFrom + offset[e] + t;
                s0 = FloatVector.fromArray(FLOATS, x, p).fma(we, s0);
                s1 = FloatVector.fromArray(FLOATS, x, p + L).fma(we, s1);
                s2 = FloatVector.fromArray(FLOATS, x, p + 2 * L).fma(we, s2);
                s3 = FloatVector.fromArray(FLOATS, x, p + 3 * L).fma(we, s3);
            }
            int q = yFrom + t;
            s0.add(u0).intoArray(y, q);
            s1.add(u1).intoArray(y, q + L);
            s2.add(u2).intoArray(y, q + 2 * L);
            s3.add(u3).intoArray(y, q + 3 * L);
        }
        if (t + 2 * L <= n) {
            FloatVector s0 = FloatVector.zero(FLOATS);
            FloatVector s1 = s0;
            for (int e = from; e < to; e++) {
                FloatVector we = FloatVector.broadcast(FLOATS, w[e]);
                int p = xFrom + offset[e] + t;
                s0 = FloatVector.fromArray(FLOATS, x, p).fma(we, s0);
                s1 = FloatVector.fromArray(FLOATS, x, p + L).fma(we, s1);
            }
            s0.intoArray(y, yFrom + t);
            s1.intoArray(y, yFrom + t + L);
            t += 2 * L;
        }
        if (t + L <= n) {
            FloatVector s0 = FloatVector.zero(FLOATS);
            for (int e = from; e < to; e++) {
                s0 = FloatVector.fromArray(FLOATS, x, xFrom + offset[e] + t).fma(FloatVector.broadcast(FLOATS, w[e]), s0);
            }
            s0.intoArray(y, yFrom + t);
            t += L;
        }
        if (t < n) {
            VectorMask<Float> m = FLOATS.indexInRange(t, n);
            FloatVector s0 = FloatVector.zero(FLOATS);
            for (int e = from; e < to; e++) {
                s0 = FloatVector.fromArray(FLOATS, x, xFrom + offset[e] + t, m).fma(FloatVector.broadcast(FLOATS, w[e]), s0);
            }
            s0.intoArray(y, yFrom + t, m);
        }
    }

    // out[e] += Σ_{b < images} Σ_{t < n} a[aFrom + b·aStride + t] · x[xFrom + b·xStride + offset[e] + t], e ∈ [from, to)
    static void dots(float[] a, int aFrom, int aStride, float[] x, int xFrom, int xStride, int images,
                     int[] offset, int from, int to, int n, float[] out) {
        int whole = n - n % L;
        VectorMask<Float> tail = FLOATS.indexInRange(whole, n);
        int e = from;
        for (; e + BLOCK <= to; e += BLOCK) {
            FloatVector s0 = FloatVector.zero(FLOATS);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int b = 0; b < images; b++) {
                int ab = aFrom + b * aStride;
                int p0 = xFrom + b * xStride + offset[e];
                int p1 = xFrom + b * xStride + offset[e + 1];
                int p2 = xFrom + b * xStride + offset[e + 2];
                int p3 = xFrom + b * xStride + offset[e + 3];
                for (int t = 0; t < whole; t += L) {
                    FloatVector av = FloatVector.fromArray(FLOATS, a, ab + t);
                    s0 = FloatVector.fromArray(FLOATS, x, p0 + t).fma(av, s0);
                    s1 = FloatVector.fromArray(FLOATS, x, p1 + t).fma(av, s1);
                    s2 = FloatVector.fromArray(FLOATS, x, p2 + t).fma(av, s2);
                    s3 = FloatVector.fromArray(FLOATS, x, p3 + t).fma(av, s3);
                }
                if (whole < n) {
                    FloatVector av = FloatVector.fromArray(FLOATS, a, ab + whole, tail);
                    s0 = FloatVector.fromArray(FLOATS, x, p0 + whole, tail).fma(av, s0);
                    s1 = FloatVector.fromArray(FLOATS, x, p1 + whole, tail).fma(av, s1);
                    s2 = FloatVector.fromArray(FLOATS, x, p2 + whole, tail).fma(av, s2);
                    s3 = FloatVector.fromArray(FLOATS, x, p3 + whole, tail).fma(av, s3);
                }
            }
            out[e] += Lanes.sum(s0);
            out[e + 1] += Lanes.sum(s1);
            out[e + 2] += Lanes.sum(s2);
            out[e + 3] += Lanes.sum(s3);
        }
        for (; e < to; e++) {
            FloatVector s = FloatVector.zero(FLOATS);
            for (int b = 0; b < images; b++) {
                int ab = aFrom + b * aStride;
                int p = xFrom + b * xStride + offset[e];
                for (int t = 0; t < whole; t += L) {
                    s = FloatVector.fromArray(FLOATS, x, p + t).fma(FloatVector.fromArray(FLOATS, a, ab + t), s);
                }
                if (whole < n) {
                    s = FloatVector.fromArray(FLOATS, x, p + whole, tail)
                            .fma(FloatVector.fromArray(FLOATS, a, ab + whole, tail), s);
                }
            }
            out[e] += Lanes.sum(s);
        }
    }
}
