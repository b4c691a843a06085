package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionTableTest {
    // T = 64: causal 2080 of 4096 pairs, local 484; T = 256: local 2020 of 65,536 pairs
    private static final List<String> LINES = List.of(
            "rewire: some other line",
            "ATTENTION,1,256,3,local,2020,8.0000,0.5000",
            "ATTENTION,1,64,12,causal,2080,2.0000,2.5000",
            "ATTENTION,1,64,12,local,484,2.0000,0.5000",
            "ATTENTION,1,256,3,causal,32896,8.0000,6.0000");

    @Test
    void rowsRoundTripThroughTheirLine() {
        AttentionTable.Row row = new AttentionTable.Row(2, 1024, 1, "sparse", 16_000, 12.5, 1.25);
        assertEquals(List.of(row), AttentionTable.Row.fromCsv(List.of(row.csv())));
    }

    @Test
    void eachRowShowsItsSpeedupAgainstWhatTheSkippedPairsPromise() {
        String md = AttentionTable.markdown(AttentionTable.Row.fromCsv(LINES));
        // local at 256: 8 / 0.5 = 16x of a promised 65,536 / 2020 = 32.4x: 0.49
        assertTrue(md.contains("| 256 | 3 | local | 2,020 (3.1%) | 1 | 8.000 | 0.500 | 16.00x | 32.4x | 0.49 |"), md);
        assertTrue(md.indexOf("| 64 | 12 | causal") < md.indexOf("| 256 | 3 | local"), "shortest first:\n" + md);
    }

    @Test
    void theTargetsNameTheWorstRowAndSayWhetherItIsMet() {
        String md = AttentionTable.markdown(AttentionTable.Row.fromCsv(LINES));
        // causal runs on the GEMMs in training: its 0.80x is shown, not judged; local at 64 is 4x
        assertTrue(md.contains("slowest local at 1 thread(s), 4.00x: **met**"), md);
        assertTrue(md.contains("least local at 256 tokens, 1 thread(s), 16.00x of a promised 32.4x = 0.49: **missed**"),
                md);
        String other = AttentionTable.markdown(AttentionTable.Row.fromCsv(List.of(
                "ATTENTION,1,64,12,strided,288,2.0000,2.5000", "ATTENTION,1,256,3,local,2020,8.0000,0.2000")));
        assertTrue(other.contains("slowest strided at 1 thread(s), 0.80x: **missed**") && other.contains("= 1.23: **met**"),
                other);
    }

    @Test
    void malformedLinesAndNoRowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AttentionTable.Row.fromCsv(List.of("ATTENTION,1,64,causal")));
        assertThrows(IllegalArgumentException.class, () -> AttentionTable.markdown(List.of()));
    }
}
