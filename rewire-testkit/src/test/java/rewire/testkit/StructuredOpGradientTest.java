package rewire.testkit;

import org.junit.jupiter.api.Test;
import rewire.autodiff.DiagonalOps;
import rewire.autodiff.LinearOps;
import rewire.autodiff.StructuredLinearOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.sparse.BlockPattern;
import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.FanInPattern;
import rewire.sparse.NmPattern;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * Finite-difference checks of the structured ops: DynaDiag's soft top-K gate with respect to the
 * weight and the importance logits (with the clamp inactive and active), and the linear map on the
 * diagonal, constant fan-in (N:M patterns included) and block kernels with respect to input, weight
 * and bias, with and without the fused ReLU, on wide and tall shapes.
 */
class StructuredOpGradientTest extends OpGradientCase {
    StructuredOpGradientTest() {
        super(2025);
    }

    @Test
    void gateBelowTheClamp() {
        // 7 x 9: P = 9 diagonals of length 7; K = 3 spreads K · softmax below 1 at tau = 2
        Var x = leaf(9, 5);
        Var w = diagonalParam(DiagonalPattern.random(7, 9, 9, rng));
        Var alpha = param(9);
        int[] diagonalOf = diagonalOf(w.csr().pattern());
        check(t -> LinearOps.sparseLinear(t, x, DiagonalOps.gate(t, w, alpha, diagonalOf, 3, 2.0)), x, w, alpha);
    }

    @Test
    void gateWithTheClampActiveOnSomeDiagonals() {
        // logits far apart at a low temperature: the top diagonals sit at 1 and pass no logit gradient
        Var x = leaf(6, 4);
        Var w = diagonalParam(DiagonalPattern.random(10, 6, 7, rng));
        Var alpha = Var.param(Tensor.of(new float[] {3f, 2.9f, -1f, 0.2f, 0.4f, -0.5f, 0.1f, 1.0f, -2f, 0.3f}, 10),
                Tensor.zeros(10));
        int[] diagonalOf = diagonalOf(w.csr().pattern());
        float[] a = DiagonalOps.softTopK(alpha.value().data(), 4, 0.5);
        assert a[0] == 1f && a[1] == 1f : "the test needs clamped diagonals";
        check(t -> LinearOps.sparseLinear(t, x, DiagonalOps.gate(t, w, alpha, diagonalOf, 4, 0.5)), x, w, alpha);
    }

    @Test
    void linearOnTheDiagonalKernels() {
        for (int[] shape : new int[][] {{7, 11}, {12, 5}}) {
            DiagonalPattern p = DiagonalPattern.random(shape[0], shape[1], 3, rng);
            Var x = leaf(shape[1], 6);
            Var w = diagonalParam(p);
            Var b = param(shape[0]);
            check(t -> StructuredLinearOps.diagonal(t, x, w, p, b, false), x, w, b);
            check(t -> StructuredLinearOps.diagonal(t, x, w, p, null, false), x, w);
        }
    }

    @Test
    void linearFusedWithRelu() {
        for (int draw = 0; draw < 200; draw++) {
            DiagonalPattern p = DiagonalPattern.random(6, 9, 2, rng);
            Var x = leaf(9, 4);
            Var w = diagonalParam(p);
            Var b = param(6);
            float[] z = StructuredLinearOps.diagonal(new Tape(), x, w, p, b, false).value().data();
            boolean clear = true;
            for (float v : z) {
                clear &= Math.abs(v) >= 0.1f;
            }
            if (clear) {
                check(t -> StructuredLinearOps.diagonal(t, x, w, p, b, true), x, w, b);
                return;
            }
        }
        throw new AssertionError("no draw kept every pre-activation 0.1 away from the ReLU's kink");
    }

    @Test
    void linearOnTheFanInKernels() {
        for (FanInPattern p : new FanInPattern[] {FanInPattern.random(7, 11, 3, rng), FanInPattern.random(12, 5, 5, rng),
                NmPattern.random(6, 8, 1, 4, rng).fanIn()}) {
            Var x = leaf(p.cols(), 6);
            Var w = sparseOn(p.toCsr());
            Var b = param(p.rows());
            check(t -> StructuredLinearOps.fanIn(t, x, w, p, b, false), x, w, b);
            check(t -> StructuredLinearOps.fanIn(t, x, w, p, null, false), x, w);
        }
        for (int draw = 0; draw < 200; draw++) {
            FanInPattern p = FanInPattern.random(6, 9, 4, rng);
            Var x = leaf(9, 4);
            Var w = sparseOn(p.toCsr());
            Var b = param(6);
            float[] z = StructuredLinearOps.fanIn(new Tape(), x, w, p, b, false).value().data();
            boolean clear = true;
            for (float v : z) {
                clear &= Math.abs(v) >= 0.1f;
            }
            if (clear) {
                check(t -> StructuredLinearOps.fanIn(t, x, w, p, b, true), x, w, b);
                return;
            }
        }
        throw new AssertionError("no draw kept every pre-activation 0.1 away from the ReLU's kink");
    }

    @Test
    void linearOnTheBlockKernels() {
        for (BlockPattern p : new BlockPattern[] {BlockPattern.random(8, 12, 4, 4, 3, rng),
                BlockPattern.random(6, 16, 1, 16, 2, rng), BlockPattern.random(9, 6, 3, 2, 4, rng)}) {
            Var x = leaf(p.cols(), 5);
            Var w = sparseOn(p.toCsr());
            Var b = param(p.rows());
            check(t -> StructuredLinearOps.blocks(t, x, w, p, b, false), x, w, b);
            check(t -> StructuredLinearOps.blocks(t, x, w, p, null, false), x, w);
        }
    }

    // a sparse parameter of Gaussian values on the CSR form of the diagonals
    private Var diagonalParam(DiagonalPattern p) {
        return sparseOn(p.toCsr());
    }

    // a sparse parameter of Gaussian values on a pattern
    private Var sparseOn(SparsityPattern p) {
        CsrMatrix w = CsrMatrix.zeros(p);
        for (int e = 0; e < w.nnz(); e++) {
            w.values()[e] = (float) rng.nextGaussian();
        }
        return Var.sparseParam(w, new float[w.nnz()]);
    }

    private static int[] diagonalOf(SparsityPattern p) {
        int[] d = new int[p.nnz()];
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                d[e] = DiagonalPattern.diagonalOf(p.rows(), p.cols(), r, p.colIdx()[e]);
            }
        }
        return d;
    }
}
