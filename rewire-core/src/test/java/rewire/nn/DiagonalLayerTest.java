package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import rewire.autodiff.DiagonalOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.SparseLinear.Representation;
import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.sparse.StorageFormat;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * DynaDiag's layer (METHODS F.5): with every logit equal and K = P the gated layer is the dense
 * product of the assembled weight; the soft top-K weights lie in [0, 1] and sum to at most K; the
 * diagonal representation matches a dense masked product to 1e-5, for wide and tall shapes, with
 * and without the fused ReLU; a frozen gate leaves the weight as stored.
 */
class DiagonalLayerTest {
    private final Rng rng = new Rng(17);

    @Test
    void allLogitsEqualAndEveryDiagonalKeptIsTheDenseProduct() {
        for (int[] shape : new int[][] {{9, 14}, {13, 6}}) {
            int out = shape[0];
            int in = shape[1];
            SparseLinear dense = SparseLinear.create("fc", in, out, 1.0, rng);  // every diagonal, ungated
            SparseLinear gated = dense.withDiagonalGate(DiagonalPattern.count(out, in));
            Tensor x = gaussian(in, 5);
            // a = clamp(P · softmax(1/P, ..., 1/P), 0, 1) = 1 for every diagonal, at any temperature
            gated.diagonalGate().setTemperature(0.37);
            assertArrayEquals(forward(dense, x), forward(gated, x), 1e-6f, out + " x " + in);
        }
    }

    @Test
    void softTopKWeightsLieInTheUnitIntervalAndSumToAtMostK() {
        for (int trial = 0; trial < 200; trial++) {
            int p = 2 + rng.nextInt(40);
            int k = 1 + rng.nextInt(p);
            float[] alpha = new float[p];
            for (int i = 0; i < p; i++) {
                alpha[i] = (float) (3 * rng.nextGaussian());
            }
            double tau = Math.exp(4 * rng.nextDouble() - 3);
            double sum = 0;
            for (float a : DiagonalOps.softTopK(alpha, k, tau)) {
                assertTrue(a >= 0 && a <= 1, "a = " + a);
                sum += a;
            }
            assertTrue(sum <= k + 1e-5, "sum " + sum + " for K = " + k);
        }
    }

    @Test
    void theDiagonalRepresentationMatchesADenseMaskedProduct() {
        for (int[] shape : new int[][] {{31, 17}, {12, 40}, {25, 25}}) {
            for (int k : new int[] {1, 3, DiagonalPattern.count(shape[0], shape[1]) / 2}) {
                CsrMatrix w = gaussianOn(DiagonalPattern.random(shape[0], shape[1], k, rng));
                SparseLinear diagonal = new SparseLinear(new SparseParam("fc.weight", w), null, 1.1)
                        .inFormat(StorageFormat.DIAGONAL);
                assertEquals(Representation.DIAGONAL, diagonal.representation());
                Tensor x = gaussian(shape[1], 7);
                float[] expected = denseProduct(w, x);
                assertArrayEquals(expected, forward(diagonal, x), 1e-5f, shape[0] + " x " + shape[1] + ", K " + k);
                float[] relu = forwardRelu(diagonal, x);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Math.max(0, expected[i]), relu[i], 1e-5f);
                }
            }
        }
    }

    @Test
    void aFrozenGateLeavesTheWeightAsStored() {
        SparseLinear plain = SparseLinear.create("fc", 10, 8, 1.0, rng);
        SparseLinear gated = plain.withDiagonalGate(3);
        assertTrue(gated.params().contains(gated.diagonalGate().alpha()), "the logits train with the layer");
        Tensor x = gaussian(10, 4);
        assertFalse(Arrays.equals(forward(plain, x), forward(gated, x)), "the gate scales the diagonals");
        gated.diagonalGate().markFrozen();
        assertArrayEquals(forward(plain, x), forward(gated, x));
        assertFalse(gated.diagonalGate().alpha().requiresGrad());
        assertEquals(1f, gated.buffers().get(0).values()[0], "the frozen flag is a checkpointed buffer");
    }

    @Test
    void aPatternOfPartialDiagonalsIsRefusedByName() {
        CsrMatrix w = gaussianOn(Patterns.random(8, 8, 11, rng));
        SparseLinear layer = new SparseLinear(new SparseParam("fc3.weight", w), null, 1.1).inFormat(StorageFormat.DIAGONAL);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> forward(layer, gaussian(8, 2)));
        assertTrue(e.getMessage().startsWith("fc3.weight is stored as diagonals"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> layer.withDiagonalGate(9), "K above P");
    }

    private static float[] forward(SparseLinear layer, Tensor x) {
        return layer.forward(new Tape(), Var.constant(x)).value().data().clone();
    }

    private static float[] forwardRelu(SparseLinear layer, Tensor x) {
        return layer.forwardRelu(new Tape(), Var.constant(x)).value().data().clone();
    }

    // W (out, in) with zeros off the pattern, times x (in, B)
    private static float[] denseProduct(CsrMatrix w, Tensor x) {
        int b = x.cols();
        float[] y = new float[w.rows() * b];
        for (int r = 0; r < w.rows(); r++) {
            for (int e = w.pattern().rowStart(r); e < w.pattern().rowEnd(r); e++) {
                int c = w.pattern().colIdx()[e];
                for (int j = 0; j < b; j++) {
                    y[r * b + j] += w.values()[e] * x.data()[c * b + j];
                }
            }
        }
        return y;
    }

    private CsrMatrix gaussianOn(DiagonalPattern p) {
        return gaussianOn(p.toCsr());
    }

    private CsrMatrix gaussianOn(SparsityPattern p) {
        CsrMatrix w = CsrMatrix.zeros(p);
        for (int e = 0; e < w.nnz(); e++) {
            w.values()[e] = (float) rng.nextGaussian();
        }
        return w;
    }

    private Tensor gaussian(int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }
}
