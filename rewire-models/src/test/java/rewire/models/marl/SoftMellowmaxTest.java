package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

/** The soft mellowmax faithfulness checks of METHODS.md A.6. */
class SoftMellowmaxTest {

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void liesBetweenMeanMellowmaxAndMax() {
        Rng rng = new Rng(11);
        for (int c = 0; c < 200; c++) {
            int n = 1 + rng.nextInt(9);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 5 * rng.nextGaussian();
            }
            double omega = 0.1 + 20 * rng.nextDouble();
            double alpha = 10 * rng.nextDouble();
            double mm = new SoftMellowmax(omega, 0).of(x);
            double sm = new SoftMellowmax(omega, alpha).of(x);
            String where = "case " + c + " omega " + omega + " alpha " + alpha;
            assertTrue(mean(x) <= mm + 1e-9, where);
            assertTrue(mm <= sm + 1e-9, where);
            assertTrue(sm <= max(x) + 1e-9, where);
        }
    }

    @Test
    void aConstantVectorGivesTheConstant() {
        assertEquals(-2.5, new SoftMellowmax(5, 3).of(-2.5, -2.5, -2.5, -2.5), 1e-12);
        assertEquals(7, new SoftMellowmax(0.5, -1).of(7, 7), 1e-12);
    }

    @Test
    void alphaZeroIsMellowmax() {
        double[] x = {0.3, -1.2, 2.0, 0.7};
        double omega = 3;
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(omega * v);
        }
        assertEquals(Math.log(sum / x.length) / omega, new SoftMellowmax(omega, 0).of(x), 1e-12);
    }

    @Test
    void largeOmegaAndAlphaApproachTheMax() {
        assertEquals(3, new SoftMellowmax(100, 100).of(1, 2, 3), 1e-3);
    }

    @Test
    void largeInputsDoNotOverflow() {
        double v = new SoftMellowmax(10, 5).of(1e4, -1e4, 9999);
        assertTrue(Double.isFinite(v) && v <= 1e4 && v >= 9999, "value " + v);
        double w = new SoftMellowmax(10, -5).of(-1e4, -1e4 + 1, 1e4);
        assertTrue(Double.isFinite(w), "value " + w);
    }

    @Test
    void onlyAllowedEntriesCount() {
        SoftMellowmax sm = new SoftMellowmax(5, 1);
        assertEquals(sm.of(1, 2), sm.of(new double[] {1, 100, 2}, new boolean[] {true, false, true}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> sm.of(new double[] {1}, new boolean[] {false}));
        assertThrows(IllegalArgumentException.class, () -> new SoftMellowmax(0, 1));
    }
}
