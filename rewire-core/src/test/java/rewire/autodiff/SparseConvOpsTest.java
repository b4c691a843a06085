package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.nn.Conv2d;
import rewire.nn.SparseLinear;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The direct sparse convolution computes what im2col followed by the sparse product computes,
 * forward and backward, on odd planes, kernel sizes, paddings and edge densities, with the same
 * bits for any thread count; a sparse {@link Conv2d} takes it and still reports the patches to
 * gradient growth.
 */
class SparseConvOpsTest {
    private final Rng rng = new Rng(31);

    private record Case(ImageShape in, Window window, int outChannels, int batch, double density) {
    }

    private static final Case[] CASES = {
        new Case(new ImageShape(2, 5, 7), new Window(3, 1, 1), 3, 2, 0.3),
        new Case(new ImageShape(3, 6, 4), new Window(3, 1, 0), 4, 3, 0.5),
        new Case(new ImageShape(2, 9, 8), new Window(5, 1, 2), 5, 2, 0.1),
        new Case(new ImageShape(1, 4, 4), new Window(1, 1, 0), 2, 2, 1.0),
        new Case(new ImageShape(2, 5, 5), new Window(3, 1, 1), 3, 2, 0.0),
        new Case(new ImageShape(2, 5, 5), new Window(3, 1, 1), 3, 2, 1.0),
    };

    private Tensor gaussian(int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    private CsrMatrix kernel(Case c) {
        int cols = c.in().channels() * c.window().size() * c.window().size();
        SparsityPattern p = Patterns.random(c.outChannels(), cols,
                (int) Math.round(c.density() * c.outChannels() * cols), rng);
        CsrMatrix w = CsrMatrix.zeros(p);
        for (int e = 0; e < w.nnz(); e++) {
            w.values()[e] = (float) rng.nextGaussian();
        }
        return w;
    }

    // y, dx, dW, db of Σ y ⊙ r for a fixed random r, by the direct op or by im2col + sparse product
    private float[][] step(Kernels kernels, Case c, Tensor x, CsrMatrix w, Tensor b, Tensor r, boolean direct) {
        Tape tape = new Tape(kernels);
        Var xv = Var.leaf(x.copy());
        Var wv = Var.sparseParam(w.copy(), new float[w.nnz()]);
        Var bv = Var.param(b.copy(), Tensor.zeros(b.size()));
        Var y = direct ? SparseConvOps.conv2d(tape, xv, c.in(), c.window(), wv, bv)
                : LinearOps.sparseLinear(tape, ConvOps.im2col(tape, xv, c.in(), c.window()), wv, bv);
        tape.backward(Ops.sum(tape, Ops.mul(tape, y, Var.constant(r))));
        return new float[][] {y.value().data().clone(), xv.grad().data().clone(), wv.grad().data().clone(),
            bv.grad().data().clone()};
    }

    @Test
    void equalsIm2colAndTheSparseProductForwardAndBackward() {
        for (Case c : CASES) {
            ImageShape out = c.window().output(c.in());
            Tensor x = gaussian(c.in().channels(), c.batch() * c.in().pixels());
            CsrMatrix w = kernel(c);
            Tensor b = gaussian(c.outChannels(), 1).reshape(c.outChannels());
            Tensor r = gaussian(c.outChannels(), c.batch() * out.pixels());
            float[][] reference = step(Kernels.defaults(), c, x, w, b, r, false);
            float[][] direct = step(Kernels.defaults(), c, x, w, b, r, true);
            String[] names = {"y", "dx", "dW", "db"};
            for (int i = 0; i < names.length; i++) {
                assertArrayEquals(reference[i], direct[i], 1e-4f, c + ": " + names[i]);
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBits() {
        Case c = new Case(new ImageShape(3, 11, 9), new Window(5, 1, 2), 6, 19, 0.2);
        ImageShape out = c.window().output(c.in());
        Tensor x = gaussian(3, c.batch() * c.in().pixels());
        CsrMatrix w = kernel(c);
        Tensor b = gaussian(6, 1).reshape(6);
        Tensor r = gaussian(6, c.batch() * out.pixels());
        Kernels one = Kernels.withThreads(1);
        Kernels two = Kernels.withThreads(2);
        try {
            float[][] alone = step(one, c, x, w, b, r, true);
            float[][] shared = step(two, c, x, w, b, r, true);
            for (int i = 0; i < alone.length; i++) {
                assertArrayEquals(alone[i], shared[i], "array " + i);
            }
        } finally {
            one.parallel().close();
            two.parallel().close();
        }
    }

    @Test
    void refusesStridesAndKernelsThatDoNotFit() {
        ImageShape in = new ImageShape(2, 6, 6);
        Var x = Var.leaf(gaussian(2, 2 * 36));
        Var w = Var.sparseParam(CsrMatrix.zeros(Patterns.random(3, 18, 5, rng)), new float[5]);
        IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                () -> SparseConvOps.conv2d(new Tape(), x, in, new Window(3, 2, 1), w, null));
        assertTrue(stride.getMessage().contains("stride 1"), stride.getMessage());
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> SparseConvOps.conv2d(new Tape(), x, in, new Window(2, 1, 0), w, null));
        assertTrue(columns.getMessage().contains("columns"), columns.getMessage());
    }

    @Test
    void aSparseConvolutionComputesDirectlyAndStillReportsItsPatches() {
        ImageShape in = new ImageShape(2, 6, 5);
        Window window = new Window(3, 1, 1);
        Conv2d conv = Conv2d.sparse("conv", in, 4, window, 0.2, rng);
        SparseLinear core = (SparseLinear) conv.core();
        assertSame(SparseLinear.Representation.CSR, core.representation());
        Tensor x = gaussian(2, 3 * in.pixels());
        Tape tape = new Tape();
        Var y = conv.forward(tape, Var.constant(x));
        tape.backward(Ops.sum(tape, Ops.mul(tape, y, y)));
        SparseLinear.LastBatch batch = core.lastBatch();
        assertNotNull(batch);
        assertArrayEquals(ConvOps.im2col(x, in, window).data(), batch.input().data(), "the patches gradient growth reads");
        assertArrayEquals(y.grad().data(), batch.outputGrad().data());
        assertEquals(4, y.value().rows());
    }
}
