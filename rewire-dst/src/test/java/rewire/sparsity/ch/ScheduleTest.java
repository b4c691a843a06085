package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CHTss sigmoid sparsity (E.5) and the CHTs removal temperature (E.2). */
class ScheduleTest {
    /** The E.7 setting: 0.5 -> 0.9 over 8000 steps, one prune iteration per 100 steps, N = 80. */
    private final SigmoidSparsity decay = new SigmoidSparsity(0.5, 0.9, 0, 8000, 100, 6);

    @Test
    void sigmoidReachesItsEndpointsExactly() {
        assertEquals(80, decay.iterations());
        assertEquals(0.5, decay.atIteration(0));
        assertEquals(0.9, decay.atIteration(80));
        assertEquals(0.5, decay.at(0));
        assertEquals(0.9, decay.at(8000));
    }

    @Test
    void sigmoidMatchesAHandValue() {
        // i = 20: k = 6/40, σ(-3) = 0.0474258732, σ(∓6) = 0.0024726232 / 0.9975273768
        // shape = (0.0474258732 - 0.0024726232) / 0.9950547537 = 0.0451766597
        assertEquals(0.5 + 0.4 * 0.0451766597, decay.atIteration(20), 1e-10);
        assertEquals(0.7, decay.atIteration(40), 1e-12);
    }

    @Test
    void sigmoidIsPointSymmetricAboutTheMiddle() {
        for (int i = 0; i <= 80; i++) {
            double rise = decay.atIteration(i) - 0.5;
            double fall = 0.9 - decay.atIteration(80 - i);
            assertEquals(rise, fall, 1e-12, "iteration " + i);
        }
    }

    /** The reference writes the same curve as (σ - 1/2)·scale + 1/2; the two forms agree. */
    @Test
    void sigmoidEqualsTheReferenceForm() {
        double mid = 40;
        double k = 6 / mid;
        double a0 = sigmoid(-k * mid);
        double a1 = sigmoid(k * (80 - mid));
        for (int i = 0; i <= 80; i += 7) {
            double shaped = (sigmoid(k * (i - mid)) - 0.5) / (a1 - a0) + 0.5;
            assertEquals(0.5 + 0.4 * shaped, decay.atIteration(i), 1e-12);
        }
    }

    @Test
    void sigmoidStepsOncePerIntervalAndHoldsOutsideItsWindow() {
        double previous = decay.at(0);
        for (long step = 1; step <= 9000; step++) {
            double s = decay.at(step);
            assertTrue(s >= previous, "monotone at step " + step);
            if (step % 100 != 0) {
                assertEquals(previous, s, "constant within an interval at step " + step);
            }
            previous = s;
        }
        assertEquals(0.9, decay.at(1_000_000));
        SigmoidSparsity late = new SigmoidSparsity(0.2, 0.8, 1000, 3000, 100, 6);
        assertEquals(0.2, late.at(0));
        assertEquals(0.2, late.at(1099));
        assertEquals(0.8, late.at(3000));
        assertEquals(1 - decay.at(4321), decay.density().at(4321));
    }

    @Test
    void chtssDefaultsStartHalfSparse() {
        SigmoidSparsity chtss = SigmoidSparsity.chtss(0.95, 8000, 100);
        assertEquals(0.5, chtss.at(0));
        assertEquals(0.95, chtss.at(8000));
        assertEquals(6, chtss.steepness());
    }

    @Test
    void sigmoidRejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new SigmoidSparsity(0.5, 1.2, 0, 100, 10, 6));
        assertThrows(IllegalArgumentException.class, () -> new SigmoidSparsity(0.5, 0.9, 100, 50, 10, 6));
        assertThrows(IllegalArgumentException.class, () -> new SigmoidSparsity(0.5, 0.9, 0, 100, 0, 6));
        assertThrows(IllegalArgumentException.class, () -> new SigmoidSparsity(0.5, 0.9, 0, 100, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> decay.atIteration(81));
    }

    @Test
    void temperatureRisesLinearlyAndHolds() {
        SoftTemperature llm = SoftTemperature.llm(1000);
        assertEquals(1, llm.at(0));
        assertEquals(5, llm.at(500));
        assertEquals(9, llm.at(1000));
        assertEquals(9, llm.at(5000));
        assertEquals(2, SoftTemperature.mlp(1000).at(500));
        assertThrows(IllegalArgumentException.class, () -> new SoftTemperature(1, 9, 0));
        assertThrows(IllegalArgumentException.class, () -> llm.at(-1));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
