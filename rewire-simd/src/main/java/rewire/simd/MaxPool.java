package rewire.simd;

import static rewire.simd.Lanes.FLOATS;
import static rewire.simd.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling over 2x2 windows with stride 2, {@code L} windows at a time: two rows' {@code 2L}
 * pixels are loaded as two vectors each and split into their even and odd columns (the windows'
 * left and right corners), the maximum is taken lane-wise, and the first corner (in row-major
 * order) equal to it gives the argmax. No comparison branches, so the coin flips of real
 * activations cost nothing (a 28 x 28 plane's 14 outputs per row take two steps; gathering the
 * corners through an index map instead spent most of its time checking the indexes).
 *
 * <p>A step may run past the end of its output row: it then reads the next rows' pixels and
 * writes outputs of the next row, which that row's own steps write again. Steps that would write
 * past the planes of the call, or read past the input, are done one window at a time.
 * <pre>
 * x : (planes, H·W)   y, argmax : (planes, (H/2)·(W/2))   argmax[o] = index into x of y[o]
 * </pre>
 */
final class MaxPool {
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
    // lane i takes lane 2i (2i + 1) of the pair of vectors (a, b): from a below L/2, from b (a negative index) above
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(FLOATS, i -> i < L / 2 ? 2 * i : 2 * i - 2 * L);
    private static final VectorShuffle<Float> ODD =
            VectorShuffle.fromOp(FLOATS, i -> i < L / 2 ? 2 * i + 1 : 2 * i + 1 - 2 * L);
    private static final IntVector EVEN_COLUMNS = IntVector.zero(INTS).addIndex(2);

    private MaxPool() {
    }

    // planes [planeFrom, planeTo)
    static void twoByTwo(float[] x, int height, int width, float[] y, int[] argmax, int planeFrom, int planeTo) {
        int oh = height / 2;
        int ow = width / 2;
        int outEnd = planeTo * oh * ow;
        FloatVector below = FloatVector.broadcast(FLOATS, width);
        FloatVector belowRight = FloatVector.broadcast(FLOATS, width + 1);
        for (int plane = planeFrom; plane < planeTo; plane++) {
            for (int r = 0; r < oh; r++) {
                int top = (plane * height + 2 * r) * width;
                int out = (plane * oh + r) * ow;
                int c = 0;
                for (; c < ow && out + c + L <= outEnd && top + width + 2 * (c + L) <= x.length; c += L) {
                    int p = top + 2 * c;
                    FloatVector t0 = FloatVector.fromArray(FLOATS, x, p);
                    FloatVector t1 = FloatVector.fromArray(FLOATS, x, p + L);
                    FloatVector b0 = FloatVector.fromArray(FLOATS, x, p + width);
                    FloatVector b1 = FloatVector.fromArray(FLOATS, x, p + width + L);
                    FloatVector tl = t0.rearrange(EVEN, t1);
                    FloatVector tr = t0.rearrange(ODD, t1);
                    FloatVector bl = b0.rearrange(EVEN, b1);
                    FloatVector br = b0.rearrange(ODD, b1);
                    FloatVector max = tl.lanewise(VectorOperators.MAX, tr).lanewise(VectorOperators.MAX,
                            bl.lanewise(VectorOperators.MAX, br));
                    // the first corner equal to the maximum, chosen last-to-first so the earliest wins
                    // (small whole numbers, exact in float: the blends stay on the float masks)
                    FloatVector corner = belowRight
                            .blend(below, bl.eq(max))
                            .blend(1f, tr.eq(max))
                            .blend(0f, tl.eq(max));
                    max.intoArray(y, out + c);
                    ((IntVector) corner.convert(VectorOperators.F2I, 0)).add(EVEN_COLUMNS).add(p)
                            .intoArray(argmax, out + c);
                }
                for (; c < ow; c++) {
                    int p = top + 2 * c;
                    float tl = x[p];
                    float tr = x[p + 1];
                    float bl = x[p + width];
                    float max = Math.max(Math.max(tl, tr), Math.max(bl, x[p + width + 1]));
                    y[out + c] = max;
                    argmax[out + c] = p + (tl == max ? 0 : tr == max ? 1 : bl == max ? width : width + 1);
                }
            }
        }
    }
}
