package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Forward values of the ops a GAN adds, against hand-computed results and identities they must satisfy. */
class GanOpValueTest {
    private final Rng rng = new Rng(3);

    private Tensor gaussian(int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @Test
    void leakyReluKeepsPositivesAndScalesNegatives() {
        Var y = Activations.leakyRelu(new Tape(), Var.constant(Tensor.of(new float[] {2, -1, 0, -0.5f}, 4)), 0.2);
        assertArrayEquals(new float[] {2, -0.2f, 0, -0.1f}, y.value().data(), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> Activations.leakyRelu(new Tape(),
                Var.constant(Tensor.zeros(2)), 1.0));
    }

    @Test
    void sigmoidCrossEntropyIsTheBinaryCrossEntropyAndNeverOverflows() {
        float[] z = {0.5f, -2f, 800f, -800f};
        float[] t = {1, 0, 0, 1};
        Var loss = Losses.sigmoidCrossEntropy(new Tape(), Var.constant(Tensor.of(z, 1, 4)), t);
        double expected = (-Math.log(1 / (1 + Math.exp(-0.5))) - Math.log(1 - 1 / (1 + Math.exp(2))) + 800 + 800) / 4;
        assertEquals(expected, loss.item(), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> Losses.sigmoidCrossEntropy(new Tape(),
                Var.constant(Tensor.zeros(1, 2)), new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Losses.sigmoidCrossEntropy(new Tape(),
                Var.constant(Tensor.zeros(1, 2)), new float[] {1}));
    }

    @Test
    void hingeCountsOnlyTheMarginViolations() {
        float[] z = {2f, 0.5f, -3f, 0f};
        float[] s = {1, 1, -1, -1};
        Var loss = Losses.hinge(new Tape(), Var.constant(Tensor.of(z, 1, 4)), s);
        assertEquals((0 + 0.5 + 0 + 1) / 4.0, loss.item(), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> Losses.hinge(new Tape(), Var.constant(Tensor.zeros(1, 1)),
                new float[] {0.5f}));
    }

    @Test
    void transposedOutputUndoesTheWindowsShrinking() {
        Window w = new Window(4, 2, 1);
        ImageShape seven = new ImageShape(8, 7, 7);
        assertEquals(new ImageShape(8, 14, 14), w.transposedOutput(seven));
        assertEquals(seven, w.output(w.transposedOutput(seven)));
        assertThrows(IllegalArgumentException.class, () -> new Window(1, 1, 1).transposedOutput(new ImageShape(1, 1, 1)));
    }

    /** ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩: col2im is the adjoint it must be to serve as im2col's backward. */
    @Test
    void col2imIsTheAdjointOfIm2col() {
        ImageShape image = new ImageShape(2, 6, 5);
        Window window = new Window(3, 2, 1);
        Tensor x = gaussian(2, 3 * image.pixels());
        Tape tape = new Tape();
        Var cols = ConvOps.im2col(tape, Var.constant(x), image, window);
        Tensor c = gaussian(cols.value().rows(), cols.value().cols());
        Var back = ConvOps.col2im(tape, Var.constant(c), image, window);
        assertEquals(dot(cols.value().data(), c.data()), dot(x.data(), back.value().data()), 1e-3);
    }

    /**
     * A transposed convolution of dy with W is the input gradient of the convolution with the same
     * matrix W: both are col2im(Wᵀ · dy). Dense and sparse weights alike.
     */
    @Test
    void transposedConvolutionIsTheConvolutionsInputGradient() {
        ImageShape in = new ImageShape(3, 8, 8);
        Window window = new Window(4, 2, 1);
        ImageShape out = window.output(in).withChannels(5);          // 5 x 4 x 4
        Tensor x = gaussian(3, 2 * in.pixels());
        Tensor dy = gaussian(5, 2 * out.pixels());
        CsrMatrix sparse = CsrMatrix.zeros(Patterns.random(5, 3 * 16, 100, rng));
        for (int e = 0; e < sparse.nnz(); e++) {
            sparse.values()[e] = (float) rng.nextGaussian();
        }
        Var[] weights = {Var.param(gaussian(5, 3 * 16), Tensor.zeros(5, 3 * 16)),
            Var.sparseParam(sparse, new float[sparse.nnz()])};
        for (Var w : weights) {
            Tape tape = new Tape();
            Var xv = Var.leaf(x);
            Var y = ConvOps.conv2d(tape, xv, in, window, w);
            tape.backward(Ops.sum(tape, Ops.mul(tape, y, Var.constant(dy))));
            Var t = ConvOps.convTranspose2d(new Tape(), Var.constant(dy), out, window,
                    w.isSparse() ? Var.sparseConstant(w.csr()) : Var.constant(w.value()));
            assertEquals(rewire.tensor.Shape.of(3, 2 * in.pixels()), t.shape());
            assertArrayEquals(xv.grad().data(), t.value().data(), 1e-4f, w.toString());
        }
    }

    @Test
    void batchNormNormalizesEachRowAndMovesTheRunningStatistics() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 10, 10, 10, 14}, 2, 4);
        RunningStats running = RunningStats.fresh(2, 0.1);
        Var gain = Var.constant(Tensor.of(new float[] {2, 1}, 2));
        Var bias = Var.constant(Tensor.of(new float[] {0.5f, 0}, 2));
        Var y = NormOps.batchNorm(new Tape(), Var.constant(x), gain, bias, running, 1e-5, true);
        float r0 = (float) (1 / Math.sqrt(1.25 + 1e-5));
        assertArrayEquals(new float[] {2 * -1.5f * r0 + 0.5f, 2 * -0.5f * r0 + 0.5f, 2 * 0.5f * r0 + 0.5f,
            2 * 1.5f * r0 + 0.5f}, java.util.Arrays.copyOf(y.value().data(), 4), 1e-5f);
        // running mean 0.9·0 + 0.1·2.5, running variance 0.9·1 + 0.1·(5/3), the unbiased batch variance
        assertEquals(0.25f, running.mean()[0], 1e-6f);
        assertEquals(0.9f + 0.1f * 5f / 3f, running.variance()[0], 1e-6f);
        assertEquals(1.1f, running.mean()[1], 1e-6f);
        Var eval = NormOps.batchNorm(new Tape(), Var.constant(x), gain, bias, running, 1e-5, false);
        assertEquals(2 * (1 - 0.25f) / (float) Math.sqrt(running.variance()[0] + 1e-5) + 0.5f, eval.value().data()[0],
                1e-5f);
        assertEquals(0.25f, running.mean()[0], "evaluation leaves the running statistics alone");
        assertThrows(IllegalArgumentException.class, () -> NormOps.batchNorm(new Tape(),
                Var.constant(Tensor.zeros(2, 1)), gain, bias, running, 1e-5, true));
    }

    /** An emptied or zeroed weight (global pruning, regrowth at zero) passes through instead of dividing by 0. */
    @Test
    void aWeightOfZerosPassesThroughSpectralNorm() {
        CsrMatrix empty = CsrMatrix.zeros(Patterns.random(3, 4, 0, rng));
        CsrMatrix zeros = CsrMatrix.zeros(Patterns.random(3, 4, 5, rng));
        for (CsrMatrix m : new CsrMatrix[] {empty, zeros}) {
            SpectralEstimate e = new SpectralEstimate(3, 4, new Rng(2));
            Tape tape = new Tape();
            Var w = Var.sparseParam(m, new float[m.nnz()]);
            Var out = SpectralNormOps.spectralNorm(tape, w, e, true);
            assertEquals(1.0, e.sigma());
            assertArrayEquals(m.values(), out.value().data());
            Var y = LinearOps.sparseLinear(tape, Var.constant(gaussian(4, 2)), out);
            tape.backward(Ops.sum(tape, y));
            for (float g : w.grad().data()) {
                assertTrue(Float.isFinite(g));
            }
        }
    }

    /** The power iteration finds the largest singular value, 3, of a matrix with singular values 3 and 1. */
    @Test
    void spectralNormDividesByTheLargestSingularValue() {
        // [[2, 1], [1, 2]] has singular values 3 and 1
        Tensor w = Tensor.of(new float[] {2, 1, 1, 2}, 2, 2);
        CsrMatrix sparse = new CsrMatrix(Patterns.full(2, 2), new float[] {2, 1, 1, 2});
        for (Var v : new Var[] {Var.constant(w), Var.sparseConstant(sparse)}) {
            SpectralEstimate e = new SpectralEstimate(2, 2, new Rng(8));
            Tape tape = new Tape();
            Var out = null;
            for (int i = 0; i < 30; i++) {
                tape.clear();
                out = SpectralNormOps.spectralNorm(tape, v, e, true);
            }
            assertEquals(3.0, e.sigma(), 1e-5);
            assertArrayEquals(new float[] {2 / 3f, 1 / 3f, 1 / 3f, 2 / 3f}, out.value().data(), 1e-5f);
            assertEquals(v.isSparse(), out.isSparse());
            assertFalse(out.requiresGrad(), "a constant weight's normalization needs no gradient");
            float[] u = e.u().clone();
            SpectralNormOps.spectralNorm(new Tape(), v, e, false);
            assertArrayEquals(u, e.u(), "evaluation keeps the vectors");
        }
    }
}
