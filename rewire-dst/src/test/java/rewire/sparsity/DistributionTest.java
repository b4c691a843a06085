package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static rewire.tensor.RandomCases.doubleBetween;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

    private static List<LayerShape> mlp(int... widths) {
        List<LayerShape> out = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            out.add(LayerShape.matrix("fc" + i, widths[i + 1], widths[i]));
        }
        return out;
    }

    @Test
    void erkBudgetIsExactAndEveryDensityAtMostOne() {
        forEachSeed(201, 300, rng -> {
            int[] w = new int[intBetween(rng, 2, 7)];
            for (int i = 0; i < w.length; i++) {
                w[i] = intBetween(rng, 1, 300);
            }
            checkBudget(mlp(w), doubleBetween(rng, 0, 1), Distribution.Rule.values()[intBetween(rng, 0, 2)]);
        });
    }

    private static void checkBudget(List<LayerShape> layers, double density, Distribution.Rule rule) {
        {
        Distribution d = new Distribution(rule, 1, java.util.Map.of(), false, false);
        int[] nnz = d.nnz(layers, density);
        long total = 0;
        long size = 0;
        for (int i = 0; i < nnz.length; i++) {
            assertTrue(nnz[i] >= 0 && nnz[i] <= layers.get(i).size(), "layer " + i + " has " + nnz[i]);
            total += nnz[i];
            size += layers.get(i).size();
        }
        assertEquals(Math.round(density * size), total, "total budget");
        }
    }

    @Test
    void erkMatchesTheClosedFormWhenNoLayerSaturates() {
        List<LayerShape> layers = mlp(784, 300, 100, 10);
        int[] nnz = Distribution.erdosRenyiKernel().nnz(layers, 0.02);
        // epsilon solves sum eps * (r + c) = 0.02 * sum r c; no layer needs density > 1 here
        double size = 784 * 300 + 300 * 100 + 100 * 10;
        double eps = 0.02 * size / ((784 + 300) + (300 + 100) + (100 + 10));
        assertTrue(eps * (100 + 10) / (100.0 * 10) < 1);
        assertEquals(eps * (784 + 300), nnz[0], 1.0);
        assertEquals(eps * (300 + 100), nnz[1], 1.0);
        assertEquals(eps * (100 + 10), nnz[2], 1.0);
    }

    @Test
    void aLayerThatWouldExceedDensityOneBecomesDenseAndTheOthersRescale() {
        // the 2 x 2 layer's ERK density would be about 30x the others'
        List<LayerShape> layers = List.of(LayerShape.matrix("big", 200, 200), LayerShape.matrix("tiny", 2, 2));
        int[] nnz = Distribution.erdosRenyiKernel().nnz(layers, 0.5);
        assertEquals(4, nnz[1], "tiny layer dense");
        assertEquals(Math.round(0.5 * 40004) - 4, nnz[0]);
    }

    @Test
    void erkUsesTheKernelShapeAndErTheMatrixShape() {
        LayerShape conv = new LayerShape("conv", new int[] {16, 8, 3, 3});
        LayerShape fc = LayerShape.matrix("fc", 10, 64);
        double convErk = (16 + 8 + 3 + 3) / (16.0 * 8 * 9);
        double fcErk = (10 + 64) / 640.0;
        int[] nnz = Distribution.erdosRenyiKernel().nnz(List.of(conv, fc), 0.2);
        double eps = 0.2 * (1152 + 640) / (convErk * 1152 + fcErk * 640);
        assertEquals(eps * convErk * 1152, nnz[0], 1.0);
        double convEr = (16 + 72) / (16.0 * 72);
        int[] er = Distribution.erdosRenyi().nnz(List.of(conv, fc), 0.2);
        double epsEr = 0.2 * (1152 + 640) / (convEr * 1152 + fcErk * 640);
        assertEquals(epsEr * convEr * 1152, er[0], 1.0);
    }

    @Test
    void uniformGivesEveryLayerTheGlobalDensity() {
        List<LayerShape> layers = mlp(100, 50, 20);
        double[] d = Distribution.uniform().densities(layers, 0.1);
        assertArrayEquals(new double[] {0.1, 0.1}, d, 1e-12);
    }

    @Test
    void fixedLayersStayOutOfTheSolve() {
        List<LayerShape> layers = mlp(100, 50, 20, 10);
        int[] nnz = Distribution.uniform().denseFirst().withDensity("fc2", 0.5).nnz(layers, 0.1);
        assertEquals(5000, nnz[0]);
        assertEquals(100, nnz[1], "the free layer keeps the global density");
        assertEquals(100, nnz[2]);
        int[] last = Distribution.erdosRenyi().denseLast().nnz(layers, 0.1);
        assertEquals(200, last[2]);
        assertEquals(Math.round(0.1 * (5000 + 1000)), last[0] + last[1]);
    }

    @Test
    void errorsNameTheProblem() {
        List<LayerShape> layers = mlp(10, 5);
        assertThrows(IllegalArgumentException.class, () -> Distribution.uniform().nnz(layers, 1.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Distribution.uniform().withDensity("nope", 0.5).nnz(layers, 0.5));
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void apportionSumsExactlyAndRespectsCaps() {
        forEachSeed(202, 500, rng -> {
            int n = intBetween(rng, 1, 8);
            double[] w = new double[n];
            long[] c = new long[n];
            long capSum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = doubleBetween(rng, 0, 10);
                c[i] = intBetween(rng, 0, 50);
                capSum += c[i];
            }
            int total = intBetween(rng, 0, 500);
            long[] parts = Apportion.proportional(w, total, c);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(parts[i] >= 0 && parts[i] <= c[i]);
                sum += parts[i];
            }
            assertEquals(Math.min(total, capSum), sum);
        });
    }
}
