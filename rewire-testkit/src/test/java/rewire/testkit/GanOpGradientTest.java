package rewire.testkit;

import org.junit.jupiter.api.Test;
import rewire.autodiff.Activations;
import rewire.autodiff.ConvOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Losses;
import rewire.autodiff.NormOps;
import rewire.autodiff.Ops;
import rewire.autodiff.RunningStats;
import rewire.autodiff.SpectralEstimate;
import rewire.autodiff.SpectralNormOps;
import rewire.autodiff.Tape;
import rewire.autodiff.TransposedLinearOps;
import rewire.autodiff.Var;
import rewire.autodiff.Window;

/**
 * Finite-difference checks of the ops a GAN adds: leaky ReLU, scaling, the discriminator losses
 * (sigmoid cross-entropy and hinge), transposed products and convolutions (dense, CSR and dense
 * with a mask), col2im, batch normalization in both modes, and spectral normalization of dense and
 * sparse weights.
 */
class GanOpGradientTest extends OpGradientCase {
    GanOpGradientTest() {
        super(1717);
    }

    @Test
    void leakyReluAndScale() {
        Var x = awayFrom(0, 0.1f, 4, 7);
        check(t -> Activations.leakyRelu(t, x, 0.2), x);
        check(t -> Ops.scale(t, x, -1.5), x);
    }

    @Test
    void sigmoidCrossEntropyOfRealAndFake() {
        Var z = leaf(1, 8);
        float[] targets = {1, 1, 1, 1, 0, 0, 0, 0};
        GradCheck.ofTape(t -> Losses.sigmoidCrossEntropy(t, z, targets), z).assertPasses();
        float[] soft = {0.3f, 1, 0, 0.9f, 0.5f, 0, 1, 0.1f};
        GradCheck.ofTape(t -> Losses.sigmoidCrossEntropy(t, z, soft), z).assertPasses();
    }

    /** Logits at least 0.1 from the hinge's kinks at +1 and -1. */
    @Test
    void hingeAwayFromItsKinks() {
        Var z = leaf(1, 10);
        float[] d = z.value().data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 5 - 2) * 0.7f + 0.05f;  // -1.35, -0.65, 0.05, 0.75, 1.45
        }
        float[] signs = {1, 1, 1, 1, 1, -1, -1, -1, -1, -1};
        GradCheck.ofTape(t -> Losses.hinge(t, z, signs), z).assertPasses();
    }

    @Test
    void transposedProducts() {
        Var x = leaf(7, 5);
        Var dense = param(7, 9);
        Var sparse = sparseParam(7, 9, 0.3);
        Var masked = sparseParam(7, 9, 0.6);
        check(t -> TransposedLinearOps.linear(t, x, dense), x, dense);
        check(t -> TransposedLinearOps.sparseLinear(t, x, sparse), x, sparse);
        check(t -> TransposedLinearOps.maskedLinear(t, x, masked), x, masked);
    }

    @Test
    void col2imWithStrideAndPadding() {
        ImageShape out = new ImageShape(2, 6, 6);
        Window window = new Window(4, 2, 1);
        Var cols = leaf(2 * 16, 2 * 9);  // positions of a 4x4 window, stride 2, padding 1: 3 x 3 per image
        check(t -> ConvOps.col2im(t, cols, out, window), cols);
    }

    @Test
    void denseAndSparseTransposedConvolution() {
        ImageShape in = new ImageShape(3, 3, 3);
        Window window = new Window(4, 2, 1);       // 3x3 -> 6x6, DCGAN's upsampling
        Var x = leaf(3, 2 * 9);
        Var dense = param(3, 2 * 16);              // (Cin, Cout·k·k)
        Var sparse = sparseParam(3, 2 * 16, 0.4);
        check(t -> ConvOps.convTranspose2d(t, x, in, window, dense), x, dense);
        check(t -> ConvOps.convTranspose2d(t, x, in, window, sparse), x, sparse);
    }

    @Test
    void batchNormInTrainingAndEvaluation() {
        Var x = leaf(3, 10);
        Var gain = param(3);
        Var bias = param(3);
        RunningStats running = RunningStats.fresh(3, 0.1);
        check(t -> NormOps.batchNorm(t, x, gain, bias, running, 1e-5, true), x, gain, bias);
        running.mean()[1] = 0.4f;
        running.variance()[2] = 2.5f;
        check(t -> NormOps.batchNorm(t, x, gain, bias, running, 1e-5, false), x, gain, bias);
    }

    /**
     * Spectral normalization with the power iteration's vectors held (evaluation mode), as the
     * analytic gradient assumes; a few training passes first move them off their random start.
     */
    @Test
    void spectralNormOfDenseAndSparseWeights() {
        Var dense = param(5, 7);
        Var sparse = sparseParam(6, 8, 0.5);
        Var x = leaf(7, 3);
        Var xs = leaf(8, 3);
        SpectralEstimate denseEstimate = warmed(dense, 5, 7);
        SpectralEstimate sparseEstimate = warmed(sparse, 6, 8);
        check(t -> SpectralNormOps.spectralNorm(t, dense, denseEstimate, false), dense);
        check(t -> SpectralNormOps.spectralNorm(t, sparse, sparseEstimate, false), sparse);
        check(t -> rewire.autodiff.LinearOps.sparseLinear(t, xs,
                SpectralNormOps.spectralNorm(t, sparse, sparseEstimate, false)), xs, sparse);
        check(t -> rewire.autodiff.LinearOps.linear(t, x,
                SpectralNormOps.spectralNorm(t, dense, denseEstimate, false)), x, dense);
    }

    private SpectralEstimate warmed(Var w, int rows, int cols) {
        SpectralEstimate e = new SpectralEstimate(rows, cols, rng);
        Tape tape = new Tape();
        for (int i = 0; i < 3; i++) {
            SpectralNormOps.spectralNorm(tape, w, e, true);
            tape.clear();
        }
        return e;
    }
}
