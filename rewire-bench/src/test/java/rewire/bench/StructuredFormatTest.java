package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The formats' entries at a density: equal on a square layer (blocks: in whole blocks), N:M only at N / M. */
class StructuredFormatTest {

    @Test
    void onASquareLayerEveryFormatHasTheDiagonalLayersEntries() {
        for (int size : new int[] {1000, 4096}) {
            for (double d : new double[] {0.01, 0.1, 0.125, 0.5}) {
                double diagonal = StructuredFormat.DIAGONAL.actualDensity(size, size, d);
                assertEquals(diagonal, StructuredFormat.FAN_IN.actualDensity(size, size, d), 1e-12, size + " at " + d);
                assertEquals(diagonal, StructuredLinearBenchmark.csrDensity(size, size, d), 1e-12);
            }
        }
        assertEquals(0.5, StructuredFormat.NM_2_4.actualDensity(1000, 1000, 0.5), 1e-12);
        assertEquals(0.125, StructuredFormat.DIAGONAL.actualDensity(1000, 1000, 0.125), 1e-12);
        assertEquals("k = 100", StructuredFormat.FAN_IN.structure(1000, 1000, 0.1));
        for (StructuredFormat blocks : new StructuredFormat[] {StructuredFormat.BLOCK_4X4, StructuredFormat.BLOCK_1X16}) {
            assertEquals(0.1, blocks.actualDensity(1000, 1000, 0.1), 1e-12, "the diagonal layer's entries in whole blocks");
        }
        assertEquals("6250 blocks of 4x4", StructuredFormat.BLOCK_4X4.structure(1000, 1000, 0.1));
    }

    @Test
    void nmFitsOnlyItsOwnDensity() {
        assertTrue(StructuredFormat.NM_1_8.fits(0.125));
        assertFalse(StructuredFormat.NM_1_8.fits(0.1));
        assertTrue(StructuredFormat.FAN_IN.fits(0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructuredFormat.NM_2_4.products(null, null, 0.1));
        assertTrue(e.getMessage().contains("nm2:4 has density 2/4, not 0.1"), e.getMessage());
    }

    @Test
    void namesAreTheBenchmarkParameters() {
        assertEquals(StructuredFormat.NM_2_4, StructuredFormat.of("nm2:4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StructuredFormat.of("bsr"));
        assertTrue(e.getMessage().contains("[diagonal, fanin, block4x4, block1x16, nm2:4, nm1:8]"), e.getMessage());
    }
}
