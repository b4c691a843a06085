package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BiFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Every sparse op equals its dense twin on the masked weight: the same output, the same input
 * gradient, and a weight gradient equal to the dense one at the pattern's entries.
 */
class SparseDenseTwinTest {
    private static final float TOLERANCE = 1e-4f;

    private record Outcome(float[] y, float[] dx, float[] dw) {
    }

    private static Tensor gaussian(Rng rng, int... dims) {
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    private static CsrMatrix randomWeight(Rng rng, int rows, int cols, double density) {
        SparsityPattern p = Patterns.random(rows, cols, (int) Math.round(density * rows * cols), rng);
        CsrMatrix w = CsrMatrix.zeros(p);
        for (int e = 0; e < w.nnz(); e++) {
            w.values()[e] = (float) rng.nextGaussian();
        }
        return w;
    }

    // Runs op, backpropagates Σ y ⊙ R, returns y, dx and the weight gradient.
    private static Outcome run(BiFunction<Tape, Var, Var> op, Tensor x, Var w, Tensor projection) {
        Tape tape = new Tape();
        Var xv = Var.leaf(x.copy());
        Var y = op.apply(tape, xv);
        tape.backward(Ops.sum(tape, Ops.mul(tape, y, Var.constant(projection))));
        return new Outcome(y.value().data().clone(), xv.grad().data().clone(), w.grad().data().clone());
    }

    private static void compare(Outcome sparse, Outcome dense, SparsityPattern pattern) {
        assertClose(dense.y, sparse.y, "outputs");
        assertClose(dense.dx, sparse.dx, "input gradients");
        float[] denseAtPattern = Patterns.gather(Tensor.wrap(dense.dw, pattern.rows(), pattern.cols()), pattern).values();
        assertClose(denseAtPattern, sparse.dw, "weight gradients on the pattern");
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            float scale = Math.max(1f, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], TOLERANCE * scale, what + " differ at " + i);
        }
    }

    @Property(tries = 40)
    void sparseAndMaskedLinearEqualDenseLinear(@ForAll @IntRange(min = 1, max = 20) int out,
                                               @ForAll @IntRange(min = 1, max = 20) int in,
                                               @ForAll @IntRange(min = 1, max = 9) int batch,
                                               @ForAll @DoubleRange(min = 0, max = 1) double density,
                                               @ForAll long seed) {
        Rng rng = new Rng(seed);
        CsrMatrix weight = randomWeight(rng, out, in, density);
        Tensor x = gaussian(rng, in, batch);
        Tensor projection = gaussian(rng, out, batch);
        Var dense = Var.param(Patterns.toDense(weight), Tensor.zeros(out, in));
        Outcome reference = run((t, v) -> LinearOps.linear(t, v, dense), x, dense, projection);
        Var sparse = Var.sparseParam(weight, new float[weight.nnz()]);
        compare(run((t, v) -> LinearOps.sparseLinear(t, v, sparse), x, sparse, projection), reference, weight.pattern());
        Var masked = Var.sparseParam(weight, new float[weight.nnz()]);
        compare(run((t, v) -> LinearOps.maskedLinear(t, v, masked), x, masked, projection), reference, weight.pattern());
    }

    @Property(tries = 15)
    void sparseConvolutionEqualsDenseConvolution(@ForAll @IntRange(min = 1, max = 3) int channelsIn,
                                                 @ForAll @IntRange(min = 1, max = 4) int channelsOut,
                                                 @ForAll @IntRange(min = 0, max = 1) int padding,
                                                 @ForAll @DoubleRange(min = 0, max = 1) double density,
                                                 @ForAll long seed) {
        Rng rng = new Rng(seed);
        ImageShape in = new ImageShape(channelsIn, 5, 6);
        Window window = new Window(3, 2, padding);
        int batch = 2;
        int outPixels = window.output(in).pixels();
        CsrMatrix weight = randomWeight(rng, channelsOut, channelsIn * 9, density);
        Tensor x = gaussian(rng, channelsIn, batch * in.pixels());
        Tensor projection = gaussian(rng, channelsOut, batch * outPixels);
        Var dense = Var.param(Patterns.toDense(weight), Tensor.zeros(channelsOut, channelsIn * 9));
        Outcome reference = run((t, v) -> ConvOps.conv2d(t, v, in, window, dense), x, dense, projection);
        Var sparse = Var.sparseParam(weight, new float[weight.nnz()]);
        compare(run((t, v) -> ConvOps.conv2d(t, v, in, window, sparse), x, sparse, projection), reference,
                weight.pattern());
    }
}
