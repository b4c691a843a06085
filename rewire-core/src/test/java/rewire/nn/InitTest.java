package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

class InitTest {

    private static double rms(float[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) v[i] * v[i];
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void denseInitializersHaveTheirVariance() {
        Tensor w = Tensor.zeros(200, 300);
        Init.kaimingNormal().fill(w, new Rng(1));
        assertEquals(Math.sqrt(2.0 / 300), rms(w.data(), 0, w.size()), 0.02 * Math.sqrt(2.0 / 300));
        Init.xavierUniform().fill(w, new Rng(2));
        double std = Math.sqrt(2.0 / 500);
        assertEquals(std, rms(w.data(), 0, w.size()), 0.02 * std);
        for (float v : w.data()) {
            assertTrue(Math.abs(v) <= std * Math.sqrt(3) + 1e-7, "uniform bound");
        }
    }

    @Test
    void sparseKaimingScalesEachRowByItsActualFanIn() {
        // row 0 has 400 entries, row 1 has 25: their weights must differ in scale by 4x
        int cols = 400;
        boolean[] mask = new boolean[2 * cols];
        for (int c = 0; c < cols; c++) {
            mask[c] = true;
            mask[cols + c] = c % 16 == 0;
        }
        SparsityPattern p = Patterns.fromMask(mask, 2, cols);
        double[] rowRms = new double[2];
        int trials = 40;
        for (int t = 0; t < trials; t++) {
            CsrMatrix w = CsrMatrix.zeros(p);
            Init.kaimingNormal().fill(w, new Rng(t));
            rowRms[0] += rms(w.values(), 0, 400) / trials;
            rowRms[1] += rms(w.values(), 400, 425) / trials;
        }
        assertEquals(Math.sqrt(2.0 / 400), rowRms[0], 0.05 * Math.sqrt(2.0 / 400));
        assertEquals(Math.sqrt(2.0 / 25), rowRms[1], 0.05 * Math.sqrt(2.0 / 25));
    }

    @Test
    void sparseInitKeepsThePreActivationScaleOfADenseLayer() {
        // for a uniform pattern of density d, the true fan-in is d · in: the same scale as He / sqrt(d)
        int in = 1000;
        double density = 0.05;
        CsrMatrix w = CsrMatrix.zeros(Patterns.random(50, in, (int) (density * 50 * in), new Rng(5)));
        Init.kaimingNormal().fill(w, new Rng(6));
        double heOverSqrtDensity = Math.sqrt(2.0 / in) / Math.sqrt(density);
        assertEquals(heOverSqrtDensity, rms(w.values(), 0, w.nnz()), 0.05 * heOverSqrtDensity);
    }

    @Test
    void aSeedFixesTheDraw() {
        Tensor a = Tensor.zeros(3, 4);
        Tensor b = Tensor.zeros(3, 4);
        Init.kaimingUniform().fill(a, new Rng(9));
        Init.kaimingUniform().fill(b, new Rng(9));
        assertArrayEquals(a.data(), b.data());
    }
}
