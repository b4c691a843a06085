package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rewire.tensor.RandomCases.doubleBetween;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.gaussians;
import static rewire.tensor.RandomCases.intBetween;
import static rewire.tensor.RandomCases.pattern;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Every sparse op equals its dense twin on the masked weight: the same output, the same input
 * gradient, and a weight gradient equal to the dense one at the pattern's entries. Each op is
 * checked on random sizes and densities (see {@link rewire.tensor.RandomCases}).
 */
class SparseDenseTwinTest {
    private static final float TOLERANCE = 1e-4f;
    private static final int LINEAR_CASES = 40;
    private static final int CONVOLUTION_CASES = 15;

    private record Outcome(float[] y, float[] dx, float[] dw) {
    }

    private static Tensor gaussian(Rng rng, int rows, int cols) {
        return Tensor.wrap(gaussians(rng, rows * cols), rows, cols);
    }

    private static CsrMatrix randomWeight(Rng rng, int rows, int cols, double density) {
        SparsityPattern p = pattern(rng, rows, cols, density);
        return new CsrMatrix(p, gaussians(rng, p.nnz()));
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

    @Test
    void sparseAndMaskedLinearEqualDenseLinear() {
        forEachSeed(30, LINEAR_CASES, rng -> sparseAndMaskedLinearEqualDenseLinear(intBetween(rng, 1, 20),
                intBetween(rng, 1, 20), intBetween(rng, 1, 9), doubleBetween(rng, 0, 1), rng));
    }

    private static void sparseAndMaskedLinearEqualDenseLinear(int out, int in, int batch, double density, Rng rng) {
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

    @Test
    void sparseConvolutionEqualsDenseConvolution() {
        forEachSeed(31, CONVOLUTION_CASES, rng -> sparseConvolutionEqualsDenseConvolution(intBetween(rng, 1, 3),
                intBetween(rng, 1, 4), intBetween(rng, 0, 1), doubleBetween(rng, 0, 1), rng));
    }

    private static void sparseConvolutionEqualsDenseConvolution(int channelsIn, int channelsOut, int padding,
                                                                double density, Rng rng) {
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
