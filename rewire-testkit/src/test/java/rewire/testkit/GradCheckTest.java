package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class GradCheckTest {

    // L(x) = Σ sin(x_i) · i, gradient cos(x_i) · i
    private static double loss(float[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.sin(x[i]) * (i + 1);
        }
        return s;
    }

    private static float[] gradient(float[] x) {
        float[] g = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (float) (Math.cos(x[i]) * (i + 1));
        }
        return g;
    }

    private static float[] random(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    @Test
    void acceptsTheTrueGradientCoordinateByCoordinate() {
        float[] x = random(10, 1);
        GradCheck.Report report = GradCheck.of(() -> loss(x)).wrt("x", x, gradient(x)).run();
        assertTrue(report.passed(), report.toString());
        assertEquals(10, report.probes());
    }

    @Test
    void acceptsTheTrueGradientAlongProbesForLargeInputs() {
        float[] x = random(500, 2);
        GradCheck.Report report = GradCheck.of(() -> loss(x)).wrt("x", x, gradient(x)).probes(5, 3).run();
        assertTrue(report.passed(), report.toString());
        assertEquals(10, report.probes());
    }

    @Test
    void rejectsAGradientWithOneWrongCoordinate() {
        float[] x = random(10, 4);
        float[] g = gradient(x);
        g[7] *= 1.1f;
        GradCheck.Report report = GradCheck.of(() -> loss(x)).wrt("x", x, g).run();
        assertEquals(1, report.failures().size(), report.toString());
        assertEquals("[7]", report.failures().get(0).where());
        assertThrows(AssertionError.class, () -> GradCheck.of(() -> loss(x)).wrt("x", x, g).assertPasses());
    }

    @Test
    void probesCatchAWrongGradientInALargeInput() {
        float[] x = random(500, 5);
        float[] g = gradient(x);
        for (int i = 0; i < g.length; i++) {
            g[i] = -g[i];
        }
        assertFalse(GradCheck.of(() -> loss(x)).wrt("x", x, g).run().passed());
    }

    @Test
    void restoresTheValuesAfterChecking() {
        float[] x = random(300, 6);
        float[] before = x.clone();
        GradCheck.of(() -> loss(x)).wrt("x", x, gradient(x)).run();
        assertTrue(java.util.Arrays.equals(before, x));
    }
}
