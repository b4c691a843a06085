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
        StructuredTable.Row row = new StructuredTable(runs).rows(CONFIG, "diagonal").getFirst();
        assertEquals(100, row.units(), "K = 10% of 1000 x 1000 / 1000");
        assertEquals(0.1, row.actualDensity(), 1e-12);
        assertEquals(2.0, row.csrOverStructured(), 1e-12);    // median of 2, 1, 2
        assertEquals(10.0, row.csrSpeedup(), 1e-12);          // 10 in every repetition
        assertEquals(20.0, row.structuredSpeedup(), 1e-12);   // median of 20, 10, 20
        assertEquals(2.0, row.structuredOfIdeal(), 1e-12);
        assertEquals(2.0, row.structuredMs(), 1e-12);         // median of 0.5, 2, 2
        assertEquals(3, row.repetitions());
    }

    @Test
    void aRepetitionWithoutAllThreeWeightsIsLeftOut() {
        List<LayerRun> runs = List.of(
                step("dense", 0.01, 1, 10), step("csr", 0.01, 1, 1), step("diagonal", 0.01, 1, 0.5),
                step("dense", 0.01, 2, 10), step("csr", 0.01, 2, 1),
                step("dense", 0.02, 1, 10), step("csr", 0.02, 1, 1));
        List<StructuredTable.Row> rows = new StructuredTable(runs).rows(CONFIG, "diagonal");
        assertEquals(1, rows.size(), "0.02 has no diagonal run");
        assertEquals(1, rows.getFirst().repetitions());
        assertEquals(2.0, rows.getFirst().csrOverStructured(), 1e-12);
    }

    @Test
    void eachStructuredFormatPairsWithTheSameDenseAndCsrRuns() {
        List<LayerRun> runs = List.of(step("dense", 0.1, 1, 10), step("csr", 0.1, 1, 4),
                step("block4x4", 0.1, 1, 2), step("diagonal", 0.1, 1, 4.4));
        StructuredTable table = new StructuredTable(runs);
        assertEquals(List.of("diagonal", "block4x4"), table.formats(CONFIG), "in STRUCTURED order, only those run");
        StructuredTable.Row block = table.rows(CONFIG, "block4x4").getFirst();
        assertEquals(6250, block.units(), "the CSR layer's 100 000 entries in 4 x 4 blocks");
        assertEquals(0.1, block.actualDensity(), 1e-12);
        assertEquals(2.0, block.csrOverStructured(), 1e-12);
        assertEquals(5.0, block.structuredSpeedup(), 1e-12);
        assertEquals(List.of(), table.rows(CONFIG, "block1x16"));
    }

    @Test
    void blockBudgetsHoldTheCsrLayersEntries() {
        // 4096 x 4096 at 10%: K = 410 diagonals of 4096, 1 679 360 entries = 104 960 blocks of 16
        StructuredLinearBenchmark.Budget csr = StructuredLinearBenchmark.budget("csr", 4096, 4096, 0.1);
        StructuredLinearBenchmark.Budget block = StructuredLinearBenchmark.budget("block1x16", 4096, 4096, 0.1);
        assertEquals(410, csr.units());
        assertEquals(104_960, block.units());
        assertEquals(csr.density(), block.density(), 1e-15);
        assertEquals("block 1x16", StructuredLinearBenchmark.label("block1x16"));
    }
}
