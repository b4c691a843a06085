package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.autodiff.Window;
import rewire.tensor.Rng;
import rewire.tensor.Shape;
import rewire.tensor.Tensor;

class ModuleTest {

    private static Sequential smallCnn(Rng rng) {
        ImageShape image = new ImageShape(1, 8, 8);
        Conv2d conv1 = Conv2d.dense("conv1", image, 4, new Window(3, 1, 1), rng);
        Pool2d pool = Pool2d.max(conv1.output(), Window.of(2, 2));
        Conv2d conv2 = Conv2d.sparse("conv2", pool.output(), 6, new Window(3, 1, 1), 0.5, rng);
        Flatten flatten = new Flatten(conv2.output());
        return new Sequential(conv1, Activation.relu(), pool, conv2, Activation.gelu(), flatten,
                new Dropout(0.2, rng.split()), SparseLinear.create("fc", flatten.features(), 3, 0.1, rng));
    }

    @Test
    void aSmallCnnRunsFromImagesToLogitsAndFillsEveryGradient() {
        Rng rng = new Rng(1);
        Sequential model = smallCnn(rng);
        int batch = 5;
        Tensor images = Tensor.zeros(1, batch * 64);
        for (int i = 0; i < images.size(); i++) {
            images.data()[i] = rng.nextFloat();
        }
        Tape tape = new Tape();
        Var logits = model.forward(tape, Var.constant(images));
        assertEquals(Shape.of(3, batch), logits.shape());
        tape.backward(Losses.softmaxCrossEntropy(tape, logits, new int[] {0, 1, 2, 0, 1}));
        for (Param p : model.params()) {
            boolean nonzero = false;
            for (float g : p.grad()) {
                nonzero |= g != 0f;
            }
            assertTrue(nonzero, p.name() + " received a gradient");
        }
    }

    @Test
    void paramsAreListedInLayerOrderWithTheirNames() {
        List<String> names = smallCnn(new Rng(2)).params().stream().map(Param::name).toList();
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc.weight", "fc.bias"), names);
    }

    @Test
    void evalModeReachesNestedModulesAndTurnsDropoutOff() {
        Rng rng = new Rng(3);
        Dropout dropout = new Dropout(0.5, rng);
        Sequential model = new Sequential(new Sequential(dropout), Activation.tanh());
        assertTrue(dropout.isTraining());
        model.eval();
        assertFalse(dropout.isTraining());
        Var x = Var.constant(Tensor.zeros(4, 4).fill(1f));
        assertSame(x, dropout.forward(new Tape(), x));
        model.train();
        assertTrue(dropout.isTraining());
        Var dropped = dropout.forward(new Tape(), x);
        assertNotNull(dropped);
        assertEquals("dropout", dropped.op());
    }

    @Test
    void convolutionReportsItsSparseCoreAndChecksItsShapes() {
        Rng rng = new Rng(4);
        ImageShape image = new ImageShape(2, 6, 6);
        Conv2d conv = Conv2d.sparse("c", image, 3, Window.of(3, 1), 0.1, rng);
        assertEquals(new ImageShape(3, 4, 4), conv.output());
        SparseLinear core = (SparseLinear) conv.core();
        assertEquals(SparseLinear.Representation.CSR, core.representation());
        assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(image, Window.of(3, 1), Linear.create("bad", 17, 3, rng)));
        assertThrows(IllegalArgumentException.class, () -> Pool2d.avg(image, Window.of(7, 1)));
    }

    @Test
    void aResidualAddsItsInputAndRefusesALayerThatChangesTheShape() {
        Rng rng = new Rng(4);
        Linear square = Linear.create("sq", 3, 3, rng);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tape tape = new Tape();
        float[] inner = square.forward(tape, Var.constant(x)).value().data();
        float[] y = new Residual(square).forward(tape, Var.constant(x)).value().data();
        for (int i = 0; i < y.length; i++) {
            assertEquals(x.data()[i] + inner[i], y[i], 1e-6f);
        }
        assertEquals(square.params(), new Residual(square).params());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Residual(Linear.create("wide", 3, 4, rng)).forward(new Tape(), Var.constant(x)));
        assertTrue(e.getMessage().contains("(3, 2) to (4, 2)"), e.getMessage());
    }
}
