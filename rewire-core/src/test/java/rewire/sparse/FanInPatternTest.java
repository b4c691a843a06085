package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class FanInPatternTest {
    private static final int[][] SHAPES = {{7, 4}, {4, 7}, {5, 5}, {1, 6}, {6, 1}, {1, 1}, {13, 31}};

    @Test
    void randomRowsHoldKIncreasingColumnsInCsrOrder() {
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int cols = shape[1];
            for (int k : new int[] {0, 1, (cols + 1) / 2, cols}) {
                FanInPattern p = FanInPattern.random(rows, cols, k, new Rng(rows * 31L + cols + k));
                SparsityPattern csr = p.toCsr();
                assertEquals((long) rows * k, p.nnz(), "nnz = rows * k");
                assertEquals(p.nnz(), csr.nnz());
                for (int r = 0; r < rows; r++) {
                    assertEquals(r * k, csr.rowStart(r), "row " + r + " starts at r * k");
                    for (int t = 0; t < k; t++) {
                        int e = r * k + t;
                        assertEquals(e, p.indexOf(r, p.col(r, t)), "condensed index");
                        assertEquals(e, csr.indexOf(r, p.col(r, t)), "condensed order is CSR order");
                    }
                }
                assertEquals(p, FanInPattern.fromCsr(csr), "round trip through CSR");
                assertEquals(p.hashCode(), FanInPattern.fromCsr(csr).hashCode());
            }
        }
    }

    @Test
    void randomChoosesEveryColumnAboutEquallyOften() {
        int cols = 10;
        int[] hits = new int[cols];
        FanInPattern p = FanInPattern.random(2000, cols, 3, new Rng(5));
        for (int c : p.colIdx()) {
            hits[c]++;
        }
        for (int c = 0; c < cols; c++) {
            // 600 expected per column, sd about 22
            assertTrue(Math.abs(hits[c] - 600) < 120, "column " + c + " chosen " + hits[c] + " times");
        }
    }

    @Test
    void indexOfIsMinusOneOffThePattern() {
        FanInPattern p = FanInPattern.of(2, 5, 2, new int[] {1, 3, 0, 4});
        assertEquals(1, p.indexOf(0, 3));
        assertEquals(2, p.indexOf(1, 0));
        assertEquals(-1, p.indexOf(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> p.indexOf(2, 0));
        assertEquals("FanInPattern(2 x 5, fan-in 2)", p.toString());
        assertNotEquals(p, FanInPattern.of(2, 5, 2, new int[] {1, 3, 0, 3}));
    }

    @Test
    void ofNamesTheBadRowAndValue() {
        assertMessage(() -> FanInPattern.of(2, 5, 2, new int[] {1, 3, 0, 5}), "column 5 of row 1 (entry 1) outside [0, 5)");
        assertMessage(() -> FanInPattern.of(2, 5, 2, new int[] {1, 3, 2, 2}),
                "the columns of row 1 must be strictly increasing: 2 at entry 1 follows 2");
        assertMessage(() -> FanInPattern.of(2, 5, 2, new int[] {1, 3, 2}), "colIdx has length 3, expected rows x k = 2 x 2");
        assertMessage(() -> FanInPattern.of(2, 5, 6, new int[12]), "fan-in k = 6 outside [0, 5]");
        assertMessage(() -> FanInPattern.of(0, 5, 1, new int[0]), "positive shape, got 0 x 5");
    }

    @Test
    void fromCsrRefusesUnequalRowsNamingTheRow() {
        SparsityPattern csr = SparsityPattern.of(3, 4, new int[] {0, 2, 4, 5}, new int[] {0, 1, 2, 3, 1});
        assertMessage(() -> FanInPattern.fromCsr(csr), "row 2 holds 1 entries, row 0 holds 2");
    }

    @Test
    void theCondensedArrayIsCopiedOnTheWayIn() {
        int[] cols = {0, 2};
        FanInPattern p = FanInPattern.of(1, 3, 2, cols);
        cols[1] = 1;
        assertArrayEquals(new int[] {0, 2}, p.colIdx());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
