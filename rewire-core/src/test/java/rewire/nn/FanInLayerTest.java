package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.SparseLinear.Representation;
import rewire.sparse.CsrMatrix;
import rewire.sparse.FanInPattern;
import rewire.sparse.NmPattern;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.sparse.StorageFormat;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A layer in the constant fan-in format (SRigL's condensed form, N:M patterns included) computes
 * what the same layer computes in CSR, forward and backward, and refuses a pattern whose rows
 * differ in count, naming the weight.
 */
class FanInLayerTest {
    private final Rng rng = new Rng(23);

    @Test
    void theFanInRepresentationStepsLikeCsr() {
        for (SparsityPattern p : new SparsityPattern[] {FanInPattern.random(31, 17, 3, rng).toCsr(),
                FanInPattern.random(12, 40, 9, rng).toCsr(), NmPattern.random(10, 24, 2, 4, rng).toCsr(),
                NmPattern.random(9, 64, 1, 8, rng).toCsr()}) {
            CsrMatrix w = CsrMatrix.zeros(p);
            for (int e = 0; e < w.nnz(); e++) {
                w.values()[e] = (float) rng.nextGaussian();
            }
            SparseLinear csr = new SparseLinear(new SparseParam("fc.weight", w.copy()), null, 1.1);
            SparseLinear fanIn = new SparseLinear(new SparseParam("fc.weight", w.copy()), null, 1.1)
                    .inFormat(StorageFormat.FAN_IN);
            assertEquals(Representation.FAN_IN, fanIn.representation());
            Tensor x = Tensor.zeros(p.cols(), 7);
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = (float) rng.nextGaussian();
            }
            for (boolean relu : new boolean[] {false, true}) {
                float[][] a = step(csr, x, relu);
                float[][] b = step(fanIn, x, relu);
                for (int i = 0; i < a.length; i++) {
                    assertArrayEquals(a[i], b[i], 1e-5f, p + (relu ? " with relu" : "") + ", array " + i);
                }
            }
        }
    }

    @Test
    void rowsOfUnequalCountAreRefusedByName() {
        CsrMatrix w = CsrMatrix.zeros(Patterns.random(8, 8, 11, rng));
        SparseLinear layer = new SparseLinear(new SparseParam("fc2.weight", w), null, 1.1).inFormat(StorageFormat.FAN_IN);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.forward(new Tape(), Var.constant(Tensor.zeros(8, 2))));
        assertTrue(e.getMessage().startsWith("fc2.weight is stored as FAN_IN"), e.getMessage());
    }

    // output, input gradient and weight gradient of Σ y ⊙ y / 2
    private static float[][] step(SparseLinear layer, Tensor x, boolean relu) {
        layer.params().forEach(Param::zeroGrad);
        Tape tape = new Tape();
        Var in = Var.leaf(x.copy());
        Var y = relu ? layer.forwardRelu(tape, in) : layer.forward(tape, in);
        tape.backward(Ops.sum(tape, Ops.mul(tape, y, y)));
        return new float[][] {y.value().data().clone(), in.grad().data().clone(), layer.weight().grad().clone()};
    }
}
