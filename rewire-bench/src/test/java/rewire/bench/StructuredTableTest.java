package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairing of dense, CSR and diagonal step runs within a repetition, and medians over repetitions. */
class StructuredTableTest {
    private static final LayerRun.Config CONFIG = new LayerRun.Config("1000x1000", 128, 1);

    private static LayerRun step(String weights, double density, int rep, double ms) {
        return new LayerRun("step", weights, CONFIG, density, rep, ms);
    }

    @Test
    void ratiosAreMediansOfRatiosWithinARepetition() {
        List<LayerRun> runs = new ArrayList<>();
        // the machine slows down by 2x and 4x in later repetitions: ratios must pair within a repetition
        double[] dense = {10, 20, 40};
        double[] csr = {1, 2, 4};
        double[] diagonal = {0.5, 2, 2};
        for (int rep = 0; rep < 3; rep++) {
            runs.add(step("dense", 0.1, rep + 1, dense[rep]));
            runs.add(step("csr", 0.1, rep + 1, csr[rep]));
            runs.add(step("diagonal", 0.1, rep + 1, diagonal[rep]));
            runs.add(new LayerRun("forward", "diagonal", CONFIG, 0.1, rep + 1, 1000)); // not a step: ignored
        }
        StructuredTable.Row row = new StructuredTable(runs).rows(CONFIG).getFirst();
        assertEquals(100, row.diagonals(), "K = 10% of 1000 x 1000 / 1000");
        assertEquals(0.1, row.actualDensity(), 1e-12);
        assertEquals(2.0, row.csrOverDiagonal(), 1e-12);    // median of 2, 1, 2
        assertEquals(10.0, row.csrSpeedup(), 1e-12);        // 10 in every repetition
        assertEquals(20.0, row.diagonalSpeedup(), 1e-12);   // median of 20, 10, 20
        assertEquals(2.0, row.diagonalOfIdeal(), 1e-12);
        assertEquals(2.0, row.diagonalMs(), 1e-12);         // median of 0.5, 2, 2
        assertEquals(3, row.repetitions());
    }

    @Test
    void aRepetitionWithoutAllThreeWeightsIsLeftOut() {
        List<LayerRun> runs = List.of(
                step("dense", 0.01, 1, 10), step("csr", 0.01, 1, 1), step("diagonal", 0.01, 1, 0.5),
                step("dense", 0.01, 2, 10), step("csr", 0.01, 2, 1),
                step("dense", 0.02, 1, 10), step("csr", 0.02, 1, 1));
        List<StructuredTable.Row> rows = new StructuredTable(runs).rows(CONFIG);
        assertEquals(1, rows.size(), "0.02 has no diagonal run");
        assertEquals(1, rows.getFirst().repetitions());
        assertEquals(2.0, rows.getFirst().csrOverDiagonal(), 1e-12);
    }
}
