package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import rewire.nn.DenseParam;
import rewire.tensor.Tensor;

/** Magnitude's, Wanda's and RIA's scores on a layer small enough to compute by hand. */
class ScoreCriterionTest {
    // W (2, 2) = [[1, -2], [3, 0]]; inputs (2, T = 2) = [[1, 1], [2, 0]]: ‖X_0‖ = sqrt 2, ‖X_1‖ = 2
    private static final WeightMatrix W = WeightMatrix.of(new DenseParam("w", Tensor.of(new float[] {1, -2, 3, 0}, 2, 2)));

    private static LayerStatistics statistics() {
        LayerStatistics stats = new LayerStatistics("w", 2, EnumSet.of(Statistic.SQUARED_NORMS));
        stats.add(Tensor.of(new float[] {1, 1, 2, 0}, 2, 2));
        return stats;
    }

    @Test
    void magnitudeAndWandaScoresByHand() {
        double r2 = Math.sqrt(2);
        assertArrayEquals(new float[] {1, 2, 3, 0}, ScoreCriterion.MAGNITUDE.scores(W, statistics()), 1e-6f);
        assertArrayEquals(new float[] {(float) r2, 4, (float) (3 * r2), 0}, ScoreCriterion.WANDA.scores(W, statistics()),
                1e-6f);
    }

    @Test
    void riaAddsTheWeightsShareOfItsRowAndOfItsColumnTimesTheRootOfTheInputNorm() {
        // row sums |W| = 3, 3; column sums 4, 2; ‖X_j‖^0.5 = 2^0.25, 2^0.5
        double q = Math.pow(2, 0.25);
        double r2 = Math.sqrt(2);
        float[] expected = {(float) ((1 / 3.0 + 1 / 4.0) * q), (float) ((2 / 3.0 + 2 / 2.0) * r2),
            (float) ((3 / 3.0 + 3 / 4.0) * q), 0};
        assertArrayEquals(expected, ScoreCriterion.RIA.scores(W, statistics()), 1e-6f);
    }
}
