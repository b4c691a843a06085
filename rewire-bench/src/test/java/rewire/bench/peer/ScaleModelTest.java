package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.sparsity.Distribution;
import rewire.sparsity.LayerShape;

class ScaleModelTest {

    @Test
    void erdosRenyiSizesOfTheMillionNeuronModel() {
        long[] nnz = ScaleModel.nnz(1_000_000, 20);
        // epsilon (in + out): 20 * 1,000,784; 20 * 2,000,000 twice; the 10-output layer capped dense
        assertArrayEquals(new long[] {20_015_680, 40_000_000, 40_000_000, 10_000_000}, nnz);
        List<LayerShape> shapes = ScaleModel.shapes(1_000_000);
        assertEquals(1_000_000_000_000L, shapes.get(1).size(), "positions beyond 2^31 are allowed");
        assertEquals(1_000_000, shapes.get(3).cols());
    }

    @Test
    void rewiresErDistributionGivesTheSameCountsBack() {
        for (int hidden : new int[] {1000, 100_000, 300_000, 1_000_000}) {
            long[] expected = ScaleModel.nnz(hidden, 20);
            int[] got = Distribution.erdosRenyi().nnz(ScaleModel.shapes(hidden), ScaleModel.density(hidden, 20));
            for (int i = 0; i < expected.length; i++) {
                assertTrue(Math.abs(expected[i] - got[i]) <= 1, "hidden " + hidden + " layer " + i + ": " + expected[i]
                        + " vs " + got[i]);
            }
        }
    }

    @Test
    void densityIsNnzOverPositions() {
        long[] nnz = ScaleModel.nnz(1000, 20);
        double positions = 784 * 1000 + 2 * 1000 * 1000 + 1000 * 10;
        assertEquals((nnz[0] + nnz[1] + nnz[2] + nnz[3]) / positions, ScaleModel.density(1000, 20), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ScaleModel.shapes(0));
    }
}
