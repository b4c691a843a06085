package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import rewire.tensor.Tensor;

/** GELU's fast tanh against the definition {@code x/2 (1 + tanh(sqrt(2/π)(x + 0.044715 x³)))}. */
class GeluTest {

    @Test
    void matchesTheTanhFormulaAcrossTheRangeAndSaturates() {
        int n = 4001;
        Tensor x = Tensor.zeros(1, n);
        for (int i = 0; i < n; i++) {
            x.data()[i] = -20f + i * 0.01f;
        }
        float[] y = Activations.gelu(new Tape(), Var.constant(x)).value().data();
        for (int i = 0; i < n; i++) {
            double v = x.data()[i];
            double exact = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
            assertEquals(exact, y[i], 2e-6 * Math.max(1, Math.abs(v)), "gelu(" + v + ")");
        }
    }
}
