package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.autodiff.Activations;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.SparseLinear.Representation;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

class SparseLinearTest {
    private static final int IN = 24;
    private static final int OUT = 10;
    private static final int BATCH = 6;

    private record Step(float[] y, float[] dx, float[] dw, float[] db) {
    }

    private static Tensor gaussian(Rng rng, int... dims) {
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    // A layer over a copy of weight, with a bias 0.1·(r + 1).
    private static SparseLinear layer(CsrMatrix weight, double crossover) {
        Tensor bias = Tensor.zeros(weight.rows());
        for (int r = 0; r < weight.rows(); r++) {
            bias.data()[r] = 0.1f * (r + 1);
        }
        return new SparseLinear(new SparseParam("fc.weight", weight.copy()), new DenseParam("fc.bias", bias), crossover);
    }

    // One forward + backward of Σ (y ⊙ y) / 2 from zeroed gradients.
    private static Step step(SparseLinear layer, Tensor x) {
        layer.params().forEach(Param::zeroGrad);
        Tape tape = new Tape();
        Var xv = Var.leaf(x.copy());
        Var y = layer.forward(tape, xv);
        tape.backward(Ops.sum(tape, Ops.mul(tape, y, y)));
        return new Step(y.value().data().clone(), xv.grad().data().clone(), layer.weight().grad().clone(),
                layer.bias().grad().clone());
    }

    private static void assertSameStep(Step expected, Step actual) {
        assertArrayEquals(expected.y, actual.y, 1e-4f, "outputs");
        assertArrayEquals(expected.dx, actual.dx, 1e-4f, "input gradients");
        assertArrayEquals(expected.dw, actual.dw, 1e-3f, "weight gradients");
        assertArrayEquals(expected.db, actual.db, 1e-3f, "bias gradients");
    }

    private static CsrMatrix randomWeight(Rng rng, double density) {
        CsrMatrix w = CsrMatrix.zeros(Patterns.random(OUT, IN, (int) Math.round(density * OUT * IN), rng));
        Init.kaimingNormal().fill(w, rng);
        return w;
    }

    @Test
    void representationFollowsDensityAndCrossover() {
        Rng rng = new Rng(1);
        assertEquals(Representation.CSR, SparseLinear.create("a", IN, OUT, 0.1, rng).representation());
        assertEquals(Representation.DENSE_MASKED, SparseLinear.create("b", IN, OUT, 0.5, rng).representation());
        CsrMatrix w = randomWeight(rng, 0.1);
        assertEquals(Representation.DENSE_MASKED, layer(w, 0).representation());
        assertEquals(Representation.CSR, layer(w, 1.5).representation());
        assertThrows(IllegalArgumentException.class, () -> layer(w, -0.1));
    }

    @Test
    void aNarrowLayerKeepsCsrToAHigherDensity() {
        Rng rng = new Rng(5);
        int narrow = SparseLinear.NARROW_ROWS - 1;
        double between = (SparseLinear.DEFAULT_CROSSOVER + SparseLinear.NARROW_CROSSOVER) / 2;
        SparseLinear small = SparseLinear.create("narrow", 200, narrow, between, rng);
        assertEquals(Representation.CSR, small.representation());
        assertEquals(SparseLinear.NARROW_CROSSOVER, small.effectiveCrossover());
        SparseLinear wide = SparseLinear.create("wide", 200, SparseLinear.NARROW_ROWS, between, rng);
        assertEquals(Representation.DENSE_MASKED, wide.representation());
        CsrMatrix w = small.weight().weight();
        assertEquals(Representation.DENSE_MASKED, layer(w, 0).representation(), "0 still forces dense");
        assertEquals(Representation.CSR, layer(w, 0.3).representation(), "a low setting is raised for narrow layers");
    }

    @Test
    void bothRepresentationsGiveTheSameOutputsAndGradients() {
        Rng rng = new Rng(2);
        for (double density : new double[] {0.05, 0.4, 1.0}) {
            CsrMatrix w = randomWeight(rng, density);
            Tensor x = gaussian(rng, IN, BATCH);
            SparseLinear csr = layer(w, 1.5);
            SparseLinear masked = layer(w, 0);
            assertEquals(Representation.CSR, csr.representation());
            assertEquals(Representation.DENSE_MASKED, masked.representation());
            assertSameStep(step(csr, x), step(masked, x));
        }
    }

    /**
     * forwardRelu equals forward followed by a ReLU in values and every gradient, in both
     * representations, and lastBatch reports the gradient of W·x + b either way (the fused op
     * leaves it in its output's gradient buffer).
     */
    @Test
    void theFusedReluEqualsForwardThenReluAndReportsThePreActivationGradient() {
        Rng rng = new Rng(5);
        for (double crossover : new double[] {1.5, 0}) {
            CsrMatrix w = randomWeight(rng, 0.3);
            Tensor x = gaussian(rng, IN, BATCH);
            Tensor projection = gaussian(rng, OUT, BATCH);
            SparseLinear fusedLayer = layer(w, crossover);
            SparseLinear plainLayer = layer(w, crossover);
            Tape fusedTape = new Tape();
            Tape plainTape = new Tape();
            Var fusedX = Var.leaf(x.copy());
            Var plainX = Var.leaf(x.copy());
            Var fused = fusedLayer.forwardRelu(fusedTape, fusedX);
            Var plain = Activations.relu(plainTape, plainLayer.forward(plainTape, plainX));
            fusedTape.backward(Ops.sum(fusedTape, Ops.mul(fusedTape, fused, Var.constant(projection))));
            plainTape.backward(Ops.sum(plainTape, Ops.mul(plainTape, plain, Var.constant(projection))));
            String where = "crossover " + crossover;
            assertArrayEquals(plain.value().data(), fused.value().data(), where + ": outputs");
            int kept = countPositive(plain.value().data());
            assertTrue(kept > 0 && kept < plain.value().size(), where + ": the ReLU must cut some outputs and keep others");
            assertArrayEquals(plainX.grad().data(), fusedX.grad().data(), 1e-5f, where + ": input gradients");
            assertArrayEquals(plainLayer.weight().grad(), fusedLayer.weight().grad(), 1e-5f, where + ": weight gradients");
            assertArrayEquals(plainLayer.bias().grad(), fusedLayer.bias().grad(), 1e-5f, where + ": bias gradients");
            assertArrayEquals(plainLayer.lastBatch().outputGrad().data(), fusedLayer.lastBatch().outputGrad().data(),
                    1e-6f, where + ": lastBatch's gradient of W·x + b");
        }
    }

    private static int countPositive(float[] v) {
        int n = 0;
        for (float f : v) {
            n += f > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aTopologyChangeAcrossTheCrossoverSwitchesTransparently() {
        Rng rng = new Rng(3);
        SparseLinear layer = layer(randomWeight(rng, 0.5), SparseLinear.DEFAULT_CROSSOVER);
        Tensor x = gaussian(rng, IN, BATCH);
        assertEquals(Representation.DENSE_MASKED, layer.representation());
        step(layer, x);

        // prune to 10% density, keeping a subset of the existing entries
        SparsityPattern before = layer.weight().pattern();
        SparsityPattern sparser = keepEvery(before, 5);
        layer.weight().remap(Remap.between(before, sparser), null);
        assertEquals(Representation.CSR, layer.representation());
        Step afterPrune = step(layer, x);
        assertEquals(sparser.nnz(), afterPrune.dw.length);
        assertSameStep(step(layer(layer.weight().weight(), 0), x), afterPrune);

        // grow back to full density: dense again, grown weights start at zero
        SparsityPattern full = Patterns.full(OUT, IN);
        layer.weight().remap(Remap.between(sparser, full), null);
        assertEquals(Representation.DENSE_MASKED, layer.representation());
        assertSameStep(step(layer(layer.weight().weight(), 1.5), x), step(layer, x));
    }

    private static SparsityPattern keepEvery(SparsityPattern p, int k) {
        boolean[] mask = Patterns.toMask(p);
        int seen = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] && seen++ % k != 0) {
                mask[i] = false;
            }
        }
        return Patterns.fromMask(mask, p.rows(), p.cols());
    }

    @Test
    void gradientsAccumulateIntoTheParameterAndSkipConstantInputs() {
        Rng rng = new Rng(4);
        SparseLinear layer = SparseLinear.create("fc", IN, OUT, 0.2, rng);
        Var x = Var.constant(gaussian(rng, IN, BATCH));
        float[] once = null;
        for (int i = 0; i < 2; i++) {
            Tape tape = new Tape();
            tape.backward(Ops.sum(tape, layer.forward(tape, x)));
            if (once == null) {
                once = layer.weight().grad().clone();
            }
        }
        float[] twice = layer.weight().grad();
        assertNotEquals(0f, once[0]);
        for (int e = 0; e < once.length; e++) {
            assertEquals(2 * once[e], twice[e], 1e-4f);
        }
        assertEquals(null, x.grad());
    }
}
