package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Tensor;

class TapeTest {

    private static Tensor ramp(int rows, int cols, float scale) {
        Tensor t = Tensor.zeros(rows, cols);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * (i % 7 - 3);
        }
        return t;
    }

    @Test
    void backwardAccumulatesIntoParameterGradients() {
        Tensor wGrad = Tensor.zeros(2, 3);
        Var w = Var.param(ramp(2, 3, 0.5f), wGrad);
        Var x = Var.constant(ramp(3, 4, 1f));
        Tape tape = new Tape();
        tape.backward(Ops.sum(tape, LinearOps.linear(tape, x, w)));
        float[] once = wGrad.data().clone();
        tape.clear();
        tape.backward(Ops.sum(tape, LinearOps.linear(tape, x, w)));
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], wGrad.data()[i], 1e-5f);
        }
        // d/dW Σ W·x = 1 · xᵀ: row sums of x
        assertEquals(x.value().get(0, 0) + x.value().get(0, 1) + x.value().get(0, 2) + x.value().get(0, 3),
                once[0], 1e-5f);
    }

    @Test
    void aVariableUsedTwiceGetsBothGradients() {
        Var a = Var.leaf(Tensor.of(new float[] {1, -2, 3}, 3));
        Tape tape = new Tape();
        tape.backward(Ops.sum(tape, Ops.mul(tape, a, a)));
        assertArrayEquals(new float[] {2, -4, 6}, a.grad().data());
    }

    @Test
    void constantsGetNoGradientAndOpsOnConstantsRecordNothing() {
        Var x = Var.constant(ramp(3, 2, 1f));
        Var w = Var.param(ramp(4, 3, 1f), Tensor.zeros(4, 3));
        Tape tape = new Tape();
        Var hidden = Activations.tanh(tape, x);
        assertEquals(0, tape.size(), "an op on constants needs no backward step");
        tape.backward(Ops.sum(tape, LinearOps.linear(tape, hidden, w)));
        assertNull(x.grad());
        assertNull(hidden.grad());
        assertNotNull(w.grad());
    }

    @Test
    void buffersAreReusedAcrossSteps() {
        Var x = Var.leaf(ramp(3, 5, 1f));
        Var w = Var.param(ramp(2, 3, 1f), Tensor.zeros(2, 3));
        Tape tape = new Tape();
        Var y1 = Activations.relu(tape, LinearOps.linear(tape, x, w));
        float[] first = y1.value().data().clone();
        tape.backward(Ops.sum(tape, y1));
        tape.clear();
        Var y2 = Activations.relu(tape, LinearOps.linear(tape, x, w));
        assertSame(y1.value(), y2.value(), "the same op position reuses its buffer");
        assertArrayEquals(first, y2.value().data());
        tape.backward(Ops.sum(tape, y2));
        assertTrue(y2.grad() != null);
    }

    @Test
    void aFreshResultsGradientIsHandedOutToOverwriteThenToAddInto() {
        Var x = Var.leaf(ramp(3, 5, 1f));
        Tape tape = new Tape();
        Var h = Activations.tanh(tape, x);
        Tape.GradTarget first = tape.gradTarget(h);
        assertTrue(!first.accumulate(), "an op result without a gradient is overwritten");
        Tape.GradTarget second = tape.gradTarget(h);
        assertTrue(second.accumulate(), "once it exists, later gradients add");
        assertSame(first.tensor(), second.tensor());
        assertTrue(tape.gradTarget(x).accumulate(), "a leaf's gradient is its own: always added into");
    }

    @Test
    void aBufferOfAnotherShapeIsNotReused() {
        Tape tape = new Tape();
        Var a = Activations.tanh(tape, Var.leaf(ramp(3, 5, 1f)));
        tape.clear();
        Var b = Activations.tanh(tape, Var.leaf(ramp(5, 3, 1f)));
        assertEquals(rewire.tensor.Shape.of(5, 3), b.shape());
        assertTrue(a.value() != b.value());
    }

    @Test
    void backwardRunsOncePerRecordingAndNeedsAScalar() {
        Var x = Var.leaf(ramp(2, 2, 1f));
        Tape tape = new Tape();
        Var y = Activations.tanh(tape, x);
        IllegalArgumentException notScalar = assertThrows(IllegalArgumentException.class, () -> tape.backward(y));
        assertTrue(notScalar.getMessage().contains("(2, 2)"), notScalar.getMessage());
        Var loss = Ops.sum(tape, y);
        tape.backward(loss);
        assertThrows(IllegalStateException.class, () -> tape.backward(loss));
        assertThrows(IllegalArgumentException.class,
                () -> new Tape().backward(Ops.sum(new Tape(), Var.constant(ramp(1, 1, 1f)))));
    }

    @Test
    void shapeErrorsNameTheShapes() {
        Tape tape = new Tape();
        Var x = Var.constant(Tensor.zeros(3, 4));
        Var w = Var.param(Tensor.zeros(2, 5), Tensor.zeros(2, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearOps.linear(tape, x, w));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ops.add(tape, x, Var.constant(Tensor.zeros(4, 3))));
        assertThrows(IllegalArgumentException.class, () -> LinearOps.sparseLinear(tape, x, w));
    }
}
