package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class NmPatternTest {
    private static final int[][] RATIOS = {{2, 4}, {1, 4}, {1, 8}, {4, 8}, {0, 4}, {4, 4}, {3, 5}};

    @Test
    void randomGroupsHoldNAndMatchTheirFanInAndCsrForms() {
        for (int[] nm : RATIOS) {
            int n = nm[0];
            int m = nm[1];
            for (int[] shape : new int[][] {{7, 5 * m}, {1, m}, {13, 3 * m}}) {
                int rows = shape[0];
                int cols = shape[1];
                NmPattern p = NmPattern.random(rows, cols, n, m, new Rng(rows * 31L + cols + n));
                FanInPattern f = p.fanIn();
                SparsityPattern csr = p.toCsr();
                assertEquals(cols / m * n, p.k());
                assertEquals(p.k(), f.k());
                assertEquals(p.nnz(), csr.nnz());
                for (int r = 0; r < rows; r++) {
                    for (int t = 0; t < p.k(); t++) {
                        int e = r * p.k() + t;
                        int c = p.col(r, t);
                        assertEquals(t / Math.max(1, n), c / m, "entry " + t + " of row " + r + " lies in its group");
                        assertEquals(c, f.col(r, t), "the fan-in form has the same entry order");
                        assertEquals(e, p.indexOf(r, c));
                        assertEquals(e, csr.indexOf(r, c), "N:M order is CSR order");
                    }
                }
                assertEquals(p, NmPattern.fromCsr(csr, n, m), "round trip through CSR");
                assertEquals(p.hashCode(), NmPattern.fromCsr(csr, n, m).hashCode());
            }
        }
    }

    @Test
    void randomChoosesEveryOffsetAboutEquallyOften() {
        int[] hits = new int[8];
        for (byte off : NmPattern.random(500, 64, 1, 8, new Rng(3)).offsets()) {
            hits[off]++;
        }
        for (int o = 0; o < 8; o++) {
            // 500 expected per offset, sd about 21
            assertTrue(Math.abs(hits[o] - 500) < 100, "offset " + o + " chosen " + hits[o] + " times");
        }
    }

    @Test
    void colsMustBeAMultipleOfM() {
        assertMessage(() -> NmPattern.random(2, 10, 2, 4, new Rng(1)), "cols a multiple of M: 10 columns, M = 4");
        assertMessage(() -> NmPattern.of(2, 8, 5, 4, new byte[0]), "5:4 is not an N:M ratio");
    }

    @Test
    void ofNamesTheBadRowGroupAndValue() {
        // 2 x 8 at 2:4: rows of 2 groups of 2 offsets
        assertMessage(() -> NmPattern.of(2, 8, 2, 4, new byte[] {0, 1, 2, 3, 0, 1, 1, 4}),
                "offset 4 of row 1, group 1 (entry 1) outside [0, 4)");
        assertMessage(() -> NmPattern.of(2, 8, 2, 4, new byte[] {0, 1, 3, 2, 0, 1, 1, 2}),
                "the offsets of row 0, group 1 must be strictly increasing: 2 at entry 1 follows 3");
        assertMessage(() -> NmPattern.of(2, 8, 2, 4, new byte[7]), "offsets has length 7");
    }

    @Test
    void fromCsrRefusesAPatternThatIsNotNmNamingTheRowAndGroup() {
        // row 1, group 1 (columns 4-7) holds three entries
        SparsityPattern csr = SparsityPattern.of(2, 8, new int[] {0, 4, 9}, new int[] {0, 1, 4, 5, 0, 2, 4, 5, 6});
        assertMessage(() -> NmPattern.fromCsr(csr, 2, 4), "is not 2:4: row 1, group 1 (columns 4 to 7) holds 3 entries");
        SparsityPattern short1 = SparsityPattern.of(1, 8, new int[] {0, 3}, new int[] {0, 1, 4});
        assertMessage(() -> NmPattern.fromCsr(short1, 2, 4), "row 0, group 1 (columns 4 to 7) holds 1 entries");
    }

    @Test
    void indexOfAndColumnsByHand() {
        NmPattern p = NmPattern.of(1, 8, 2, 4, new byte[] {1, 3, 0, 2});
        assertArrayEquals(new int[] {1, 3, 4, 6}, p.fanIn().colIdx());
        assertEquals(2, p.indexOf(0, 4));
        assertEquals(-1, p.indexOf(0, 5));
        assertEquals("NmPattern(1 x 8, 2:4)", p.toString());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
