package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairing of dense, CSR and structured step runs within a repetition, and medians over repetitions. */
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
        assertEquals("K = 100", row.structure(), "K = 10% of 1000 x 1000 / 1000");
        assertEquals(0.1, row.actualDensity(), 1e-12);
        assertEquals(2.0, row.csrOverFormat(), 1e-12);      // median of 2, 1, 2
        assertEquals(10.0, row.csrSpeedup(), 1e-12);        // 10 in every repetition
        assertEquals(20.0, row.formatSpeedup(), 1e-12);     // median of 20, 10, 20
        assertEquals(2.0, row.formatOfIdeal(), 1e-12);
        assertEquals(2.0, row.formatMs(), 1e-12);           // median of 0.5, 2, 2
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
        assertEquals(2.0, rows.getFirst().csrOverFormat(), 1e-12);
    }

    @Test
    void eachFormatGetsItsOwnRowBesideTheSameDenseAndCsrRuns() {
        List<LayerRun> runs = List.of(
                step("dense", 0.5, 1, 10), step("csr", 0.5, 1, 8), step("diagonal", 0.5, 1, 16),
                step("fanin", 0.5, 1, 4), step("nm2:4", 0.5, 1, 2), step("dense", 0.125, 1, 10),
                step("csr", 0.125, 1, 2), step("nm1:8", 0.125, 1, 1));
        List<StructuredTable.Row> rows = new StructuredTable(runs).rows(CONFIG);
        assertEquals(List.of(StructuredFormat.NM_1_8, StructuredFormat.DIAGONAL, StructuredFormat.FAN_IN,
                StructuredFormat.NM_2_4), rows.stream().map(StructuredTable.Row::format).toList());
        assertEquals(2.0, rows.get(0).csrOverFormat(), 1e-12);
        assertEquals("1:8", rows.get(0).structure());
        assertEquals(0.5, rows.get(1).csrOverFormat(), 1e-12);
        assertEquals("k = 500", rows.get(2).structure());
        assertEquals(4.0, rows.get(3).csrOverFormat(), 1e-12);
    }

    @Test
    void theRepetitionOfAResultFileIsInItsName() {
        assertEquals(2, StructuredReport.repetition(java.nio.file.Path.of("/tmp/x/rep-2.json"), 7));
        assertEquals(3, StructuredReport.repetition(java.nio.file.Path.of("rep-3-nm.json"), 7));
        assertEquals(7, StructuredReport.repetition(java.nio.file.Path.of("results.json"), 7));
    }
}
