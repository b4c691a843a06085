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
import rewire.sparse.BlockPattern;
import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.FanInPattern;
import rewire.sparse.NmPattern;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.sparse.StorageFormat;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A layer in a structured format (diagonals, constant fan-in with N:M patterns, blocks) computes
 * what the same layer computes in CSR, forward and backward, with and without the fused ReLU, and
 * refuses a pattern that breaks its structure, naming the weight.
 */
class StructuredLayerTest {
    private final Rng rng = new Rng(23);

    private record Case(StorageFormat format, Representation representation, SparsityPattern pattern) {
    }

    @Test
    void everyStructuredRepresentationStepsLikeCsr() {
        for (Case c : new Case[] {
                new Case(StorageFormat.FAN_IN, Representation.FAN_IN, FanInPattern.random(31, 17, 3, rng).toCsr()),
                new Case(StorageFormat.FAN_IN, Representation.FAN_IN, FanInPattern.random(12, 40, 9, rng).toCsr()),
                new Case(StorageFormat.FAN_IN, Representation.FAN_IN, NmPattern.random(10, 24, 2, 4, rng).toCsr()),
                new Case(StorageFormat.FAN_IN, Representation.FAN_IN, NmPattern.random(9, 64, 1, 8, rng).toCsr()),
                // rows emptied by SRigL's neuron ablation: the condensed form cannot hold them, CSR computes
                new Case(StorageFormat.FAN_IN, Representation.CSR, ablated(FanInPattern.random(11, 13, 4, rng).toCsr(),
                        3, 7)),
                new Case(StorageFormat.DIAGONAL, Representation.DIAGONAL, DiagonalPattern.random(13, 29, 4, rng).toCsr()),
                new Case(StorageFormat.blocks(4, 4), Representation.BLOCK, BlockPattern.random(16, 24, 4, 4, 7, rng).toCsr()),
                new Case(StorageFormat.blocks(1, 16), Representation.BLOCK, BlockPattern.random(9, 32, 1, 16, 5, rng).toCsr()),
                new Case(StorageFormat.blocks(2, 3), Representation.BLOCK, BlockPattern.random(10, 9, 2, 3, 6, rng).toCsr())}) {
            SparsityPattern p = c.pattern();
            CsrMatrix w = CsrMatrix.zeros(p);
            for (int e = 0; e < w.nnz(); e++) {
                w.values()[e] = (float) rng.nextGaussian();
            }
            SparseLinear csr = new SparseLinear(new SparseParam("fc.weight", w.copy()), null, 1.1);
            SparseLinear structured = new SparseLinear(new SparseParam("fc.weight", w.copy()), null, 1.1)
                    .inFormat(c.format());
            assertEquals(c.representation(), structured.representation());
            Tensor x = Tensor.zeros(p.cols(), 7);
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = (float) rng.nextGaussian();
            }
            for (boolean relu : new boolean[] {false, true}) {
                float[][] a = step(csr, x, relu);
                float[][] b = step(structured, x, relu);
                for (int i = 0; i < a.length; i++) {
                    assertArrayEquals(a[i], b[i], 1e-4f, c.format() + " " + p + (relu ? " with relu" : "")
                            + ", array " + i);
                }
            }
        }
    }

    @Test
    void aPatternThatBreaksTheStructureIsRefusedByName() {
        // every row holds one or two entries: no constant fan-in, no block structure
        boolean[] mask = new boolean[8 * 8];
        for (int r = 0; r < 8; r++) {
            mask[r * 8 + r] = true;
            mask[r * 8 + (r + 3) % 8] = r % 2 == 0;
        }
        CsrMatrix w = CsrMatrix.zeros(Patterns.fromMask(mask, 8, 8));
        for (StorageFormat f : new StorageFormat[] {StorageFormat.FAN_IN, StorageFormat.blocks(2, 2)}) {
            SparseLinear layer = new SparseLinear(new SparseParam("fc2.weight", w), null, 1.1).inFormat(f);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> layer.forward(new Tape(), Var.constant(Tensor.zeros(8, 2))));
            assertTrue(e.getMessage().startsWith("fc2.weight is stored as " + f + ": "), e.getMessage());
        }
    }

    // p without the entries of the given rows
    private static SparsityPattern ablated(SparsityPattern p, int... rows) {
        boolean[] keep = new boolean[p.nnz()];
        java.util.Arrays.fill(keep, true);
        for (int r : rows) {
            java.util.Arrays.fill(keep, p.rowStart(r), p.rowEnd(r), false);
        }
        return Patterns.subset(p, keep);
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
