package rewire.testkit;

import org.junit.jupiter.api.Test;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.autodiff.Window;
import rewire.nn.Activation;
import rewire.nn.Conv2d;
import rewire.nn.Flatten;
import rewire.nn.Layer;
import rewire.nn.LayerNorm;
import rewire.nn.Linear;
import rewire.nn.Param;
import rewire.nn.Pool2d;
import rewire.nn.Residual;
import rewire.nn.Sequential;
import rewire.nn.SparseLinear;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Parameter gradients of whole modules, checked through the {@link Param} arrays. */
class ModuleGradientTest {
    private static final int[] LABELS = {2, 0, 1};

    private static void checkParams(Layer model, Tensor input) {
        Var x = Var.constant(input);
        model.params().forEach(Param::zeroGrad);
        Tape tape = new Tape();
        tape.backward(Losses.softmaxCrossEntropy(tape, model.forward(tape, x), LABELS));
        GradCheck check = GradCheck.of(() -> {
            Tape t = new Tape();
            return Losses.softmaxCrossEntropy(t, model.forward(t, x), LABELS).item();
        });
        for (Param p : model.params()) {
            check.wrt(p.name(), p.values(), p.grad());
        }
        check.probes(6, 17).assertPasses();
    }

    private static Tensor uniform(Rng rng, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = 2 * rng.nextFloat() - 1;
        }
        return t;
    }

    @Test
    void sparseMlpInBothRepresentations() {
        for (double crossover : new double[] {0, 1.5}) {
            Rng rng = new Rng(5);
            SparseLinear hidden = SparseLinear.create("h", 10, 12, 0.4, rng);
            SparseLinear layer = new SparseLinear(hidden.weight(), hidden.bias(), crossover);
            Layer model = new Sequential(layer, Activation.tanh(), Linear.create("out", 12, 3, rng));
            checkParams(model, uniform(rng, 10, 3));
        }
    }

    @Test
    void sparseCnn() {
        Rng rng = new Rng(6);
        ImageShape image = new ImageShape(2, 6, 6);
        Conv2d conv = Conv2d.sparse("conv", image, 4, new Window(3, 1, 1), 0.5, rng);
        Pool2d pool = Pool2d.avg(conv.output(), Window.of(2, 2));
        Flatten flatten = new Flatten(pool.output());
        Layer model = new Sequential(conv, Activation.gelu(), pool, flatten, Linear.create("fc", flatten.features(), 3, rng));
        checkParams(model, uniform(rng, 2, 3 * 36));
    }

    /** A pre-norm residual block with ELU between two sparse layers, as the RL networks stack them. */
    @Test
    void preNormResidualBlockWithElu() {
        Rng rng = new Rng(8);
        SparseLinear in = SparseLinear.create("in", 5, 6, 0.7, rng);
        Layer block = new Residual(new Sequential(new LayerNorm("ln", 6, true), SparseLinear.create("up", 6, 8, 0.5, rng),
                Activation.elu(), SparseLinear.create("down", 8, 6, 0.5, rng)));
        Layer model = new Sequential(in, Activation.elu(), block, Linear.create("out", 6, 3, rng));
        checkParams(model, uniform(rng, 5, 3));
    }
}
