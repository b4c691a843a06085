package rewire.testkit;

import org.junit.jupiter.api.Test;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.autodiff.Window;
import rewire.nn.Activation;
import rewire.nn.BatchNorm;
import rewire.nn.Conv2d;
import rewire.nn.ConvTranspose2d;
import rewire.nn.Flatten;
import rewire.nn.Layer;
import rewire.nn.Linear;
import rewire.nn.Param;
import rewire.nn.Sequential;
import rewire.nn.SparseLinear;
import rewire.nn.Unflatten;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Parameter gradients of a DCGAN-shaped generator and discriminator in miniature, checked through
 * the {@link Param} arrays: transposed convolutions with batch norm, dense and sparse; and
 * spectrally normalized convolutions and linear layers, dense and sparse (in evaluation mode, where
 * the power iteration holds still, as the analytic gradient assumes).
 */
class GanModuleGradientTest {
    private static final float[] TARGETS = {1, 0, 1};

    private static void checkParams(Layer model, Tensor input) {
        Var x = Var.constant(input);
        model.params().forEach(Param::zeroGrad);
        Tape tape = new Tape();
        tape.backward(Losses.sigmoidCrossEntropy(tape, model.forward(tape, x), TARGETS));
        GradCheck check = GradCheck.of(() -> {
            Tape t = new Tape();
            return Losses.sigmoidCrossEntropy(t, model.forward(t, x), TARGETS).item();
        });
        for (Param p : model.params()) {
            check.wrt(p.name(), p.values(), p.grad());
        }
        check.probes(6, 23).assertPasses();
    }

    private static Tensor gaussian(Rng rng, int rows, int cols) {
        return RandomData.gaussian(rng, rows, cols);
    }

    // z (4, B) -> fc -> BN -> tanh (smooth: no kink for a step to cross) -> (3, B·2·2) -> transposed conv to 2 x 4 x 4 -> BN -> tanh -> score (1, B)
    private static Layer generatorLike(boolean sparse, Rng rng) {
        ImageShape small = new ImageShape(3, 2, 2);
        Window up = new Window(4, 2, 1);
        Layer fc = sparse ? SparseLinear.create("g.fc", 4, small.features(), 0.6, rng)
                : Linear.create("g.fc", 4, small.features(), rng);
        ConvTranspose2d deconv = sparse ? ConvTranspose2d.sparse("g.up", small, 2, up, 0.5, rng)
                : ConvTranspose2d.dense("g.up", small, 2, up, rng);
        return new Sequential(fc, new BatchNorm("g.bn1", small.features()), Activation.tanh(), new Unflatten(small),
                deconv, new BatchNorm("g.bn2", 2), Activation.tanh(), new Flatten(deconv.output()),
                Linear.create("score", deconv.output().features(), 1, rng));
    }

    @Test
    void generatorWithTransposedConvolutionsAndBatchNorm() {
        for (boolean sparse : new boolean[] {false, true}) {
            Rng rng = new Rng(sparse ? 2 : 1);
            Layer g = generatorLike(sparse, rng);
            checkParams(g, gaussian(rng, 4, 3));
            g.eval();
            checkParams(g, gaussian(rng, 4, 3));
        }
    }

    @Test
    void spectrallyNormalizedDiscriminator() {
        for (boolean sparse : new boolean[] {false, true}) {
            Rng rng = new Rng(sparse ? 4 : 3);
            ImageShape image = new ImageShape(1, 6, 6);
            Window down = new Window(4, 2, 1);
            Conv2d conv = sparse
                    ? new Conv2d(image, down, SparseLinear.create("d.conv", 16, 3, 0.7, rng).spectrallyNormalized(rng))
                    : new Conv2d(image, down, Linear.create("d.conv", 16, 3, rng).spectrallyNormalized(rng));
            Flatten flatten = new Flatten(conv.output());
            Layer head = sparse ? SparseLinear.create("d.fc", flatten.features(), 1, 0.8, rng).spectrallyNormalized(rng)
                    : Linear.create("d.fc", flatten.features(), 1, rng).spectrallyNormalized(rng);
            Layer d = new Sequential(new Unflatten(image), conv, Activation.tanh(), flatten, head);
            Tensor x = gaussian(rng, 36, 3);
            new Sequential(d).forward(new Tape(), Var.constant(x));  // one training pass moves u and v
            d.eval();
            checkParams(d, x);
        }
    }
}
