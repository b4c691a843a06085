package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.autodiff.Window;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** The layers a GAN adds: transposed convolutions, batch norm, spectral norm, frozen parameters, buffers. */
class GanLayersTest {
    private final Rng rng = new Rng(12);

    private Tensor gaussian(int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    // loss Σ (y ⊙ R) for a fixed R, backward from zeroed gradients; returns the input's gradient
    private Tensor backward(Layer layer, Tensor input, Tensor projection) {
        layer.params().forEach(Param::zeroGrad);
        Tape tape = new Tape();
        Var x = Var.leaf(input);
        Var y = layer.forward(tape, x);
        tape.backward(Ops.sum(tape, Ops.mul(tape, y, Var.constant(projection))));
        return x.grad();
    }

    /** (dy · xᵀ) of a last batch at every entry of the pattern. */
    private static float[] denseGradientOnPattern(SparseLinear.LastBatch batch, SparsityPattern p) {
        float[] out = new float[p.nnz()];
        Tensor x = batch.input();
        Tensor dy = batch.outputGrad();
        int n = x.cols();
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowPtr()[r]; e < p.rowPtr()[r + 1]; e++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    s += (double) dy.data()[r * n + b] * x.data()[p.colIdx()[e] * n + b];
                }
                out[e] = (float) s;
            }
        }
        return out;
    }

    @Test
    void transposedConvolutionMapsSevenToFourteen() {
        ImageShape in = new ImageShape(6, 7, 7);
        ConvTranspose2d up = ConvTranspose2d.sparse("up", in, 4, new Window(4, 2, 1), 0.3, rng);
        assertEquals(new ImageShape(4, 14, 14), up.output());
        Var y = up.forward(new Tape(), Var.constant(gaussian(6, 2 * 49)));
        assertEquals(rewire.tensor.Shape.of(4, 2 * 196), y.shape());
        assertEquals(List.of("up.bias", "up.weight"), up.params().stream().map(Param::name).toList());
        SparseLinear withBias = SparseLinear.create("b", 4 * 16, 6, 0.5, rng);
        assertThrows(IllegalStateException.class, () -> new ConvTranspose2d(in, new Window(4, 2, 1), withBias,
                null).forward(new Tape(), Var.constant(gaussian(6, 49))));
        assertThrows(IllegalArgumentException.class, () -> new ConvTranspose2d(new ImageShape(5, 7, 7),
                new Window(4, 2, 1), withBias, null));
    }

    /** Growth reads x · dyᵀ from a transposed layer's batch; on the pattern it is the weight gradient. */
    @Test
    void aTransposedLayersBatchGivesItsWeightGradient() {
        ConvTranspose2d up = ConvTranspose2d.sparse("up", new ImageShape(3, 2, 2), 2, new Window(4, 2, 1), 0.5, rng);
        backward(up, gaussian(3, 2 * 4), gaussian(2, 2 * 16));
        SparseLinear core = (SparseLinear) up.core();
        assertArrayEquals(core.weight().grad(), denseGradientOnPattern(core.lastBatch(), core.weight().pattern()),
                1e-4f);
    }

    /**
     * A spectrally normalized layer's batch has one more column, [dy, -c·u] against [x/σ, v], whose
     * product is the gradient with respect to W through the normalization: on the pattern, the
     * weight's own gradient.
     */
    @Test
    void aSpectrallyNormalizedLayersBatchGivesTheGradientThroughTheNormalization() {
        SparseLinear layer = SparseLinear.create("d", 9, 5, 0.5, rng).spectrallyNormalized(rng);
        backward(layer, gaussian(9, 4), gaussian(5, 4));
        SparseLinear.LastBatch batch = layer.lastBatch();
        assertEquals(5, batch.input().cols(), "the batch of 4 and the rank-one column");
        assertArrayEquals(layer.weight().grad(), denseGradientOnPattern(batch, layer.weight().pattern()), 1e-4f);
    }

    @Test
    void aFrozenModuleCarriesGradientsToItsInputOnly() {
        Layer model = new Sequential(SparseLinear.create("a", 6, 5, 0.5, rng), Activation.tanh(),
                Linear.create("b", 5, 3, rng), new BatchNorm("bn", 3));
        Tensor x = gaussian(6, 4);
        Tensor r = gaussian(3, 4);
        Tensor live = backward(model, x, r);
        model.requireGrad(false);
        Tensor frozen = backward(model, x, r);
        assertArrayEquals(live.data(), frozen.data(), "the input's gradient does not depend on the flag");
        for (Param p : model.params()) {
            assertTrue(!p.requiresGrad(), p.name());
            for (float g : p.grad()) {
                assertEquals(0f, g, p.name() + " got a gradient while frozen");
            }
        }
        model.requireGrad(true);
        backward(model, x, r);
        assertTrue(model.params().stream().allMatch(p -> p.requiresGrad()));
    }

    @Test
    void buffersAreTheRunningStatisticsAndPowerIterationVectors() {
        BatchNorm bn = new BatchNorm("bn", 4);
        SparseLinear sn = SparseLinear.create("d", 3, 4, 1.0, rng).spectrallyNormalized(rng);
        Linear dense = Linear.create("e", 4, 2, rng).spectrallyNormalized(rng);
        Sequential model = new Sequential(sn, bn, dense);
        List<Buffer> buffers = model.buffers();
        assertEquals(List.of("d.weight.u", "d.weight.v", "bn.runningMean", "bn.runningVar", "e.weight.u", "e.weight.v"),
                buffers.stream().map(Buffer::name).toList());
        assertSame(bn.running().mean(), buffers.get(2).values(), "buffers are the live arrays");
        assertEquals(4, buffers.get(0).values().length);
        assertEquals(3, buffers.get(1).values().length);
        float[] before = buffers.get(2).values().clone();
        model.forward(new Tape(), Var.constant(gaussian(3, 5)));
        assertNotNull(buffers.get(2).values());
        assertTrue(before[0] != buffers.get(2).values()[0], "a training pass moves the running mean");
        assertEquals(List.of(), Linear.create("f", 2, 2, rng).buffers());
    }
}
