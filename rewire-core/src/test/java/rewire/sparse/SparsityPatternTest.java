package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class SparsityPatternTest {
    // 2 x 4:  row 0 = {1, 3}, row 1 = {0}
    private static final int[] PTR = {0, 2, 3};
    private static final int[] IDX = {1, 3, 0};

    @Test
    void validArraysAreCopied() {
        int[] ptr = PTR.clone();
        int[] idx = IDX.clone();
        SparsityPattern p = SparsityPattern.of(2, 4, ptr, idx);
        ptr[1] = 1;
        idx[0] = 2;
        assertArrayEquals(PTR, p.rowPtr());
        assertArrayEquals(IDX, p.colIdx());
        assertEquals(3, p.nnz());
        assertEquals(3 / 8.0, p.density());
        assertEquals(2, p.rowStart(1));
        assertEquals(3, p.rowEnd(1));
    }

    @Test
    void unsortedColumnsAreRejectedNamingRowAndEntry() {
        assertRejected(3, 4, new int[] {0, 1, 3, 3}, new int[] {0, 3, 1},
                "unsorted column 1 at row 1, entry 2 (previous column 3)");
    }

    @Test
    void duplicateColumnsAreRejectedNamingRowAndEntry() {
        assertRejected(2, 4, new int[] {0, 1, 3}, new int[] {2, 1, 1},
                "duplicate column 1 at row 1, entry 2");
    }

    @Test
    void columnsOutOfRangeAreRejectedNamingRowAndEntry() {
        assertRejected(2, 4, new int[] {0, 2, 3}, new int[] {1, 4, 0},
                "column index 4 out of range [0, 4) at row 0, entry 1");
        assertRejected(2, 4, new int[] {0, 2, 3}, new int[] {1, 3, -1},
                "column index -1 out of range [0, 4) at row 1, entry 2");
    }

    @Test
    void nonMonotoneRowPointersAreRejectedNamingTheRow() {
        assertRejected(3, 4, new int[] {0, 2, 1, 3}, new int[] {0, 1, 2},
                "rowPtr is not monotone at row 1: rowPtr[1] = 2 > rowPtr[2] = 1");
        assertRejected(2, 4, new int[] {1, 2, 3}, new int[] {0, 1, 2}, "rowPtr[0] is 1, expected 0");
    }

    @Test
    void nnzMismatchIsRejected() {
        assertRejected(2, 4, new int[] {0, 2, 3}, new int[] {1, 3},
                "nnz mismatch: rowPtr[rows] = 3 but colIdx has length 2");
        assertRejected(2, 4, new int[] {0, 1, 1}, new int[] {1, 3}, "nnz mismatch");
    }

    @Test
    void wrongRowPointerLengthIsRejected() {
        assertRejected(3, 4, new int[] {0, 2, 3}, IDX, "rowPtr has length 3, expected rows + 1 = 4");
        assertRejected(-1, 4, new int[] {0}, new int[0], "negative dimension");
    }

    @Test
    void emptyShapesAreValid() {
        assertEquals(0, SparsityPattern.of(0, 5, new int[] {0}, new int[0]).nnz());
        assertEquals(0, SparsityPattern.of(3, 0, new int[4], new int[0]).density());
    }

    @Test
    void indexOfAndContainsAgreeWithTheMask() {
        Rng rng = new Rng(8);
        for (double density : new double[] {0, 0.1, 0.5, 1}) {
            SparsityPattern p = Patterns.random(13, 31, (int) Math.round(density * 13 * 31), rng);
            boolean[] mask = Patterns.toMask(p);
            for (int r = 0; r < 13; r++) {
                for (int c = 0; c < 31; c++) {
                    int e = p.indexOf(r, c);
                    assertEquals(mask[r * 31 + c], p.contains(r, c));
                    if (mask[r * 31 + c]) {
                        assertTrue(e >= p.rowStart(r) && e < p.rowEnd(r) && p.colIdx()[e] == c, "entry " + e);
                    } else {
                        assertEquals(-1, e);
                    }
                }
            }
        }
        SparsityPattern p = SparsityPattern.of(2, 4, PTR, IDX);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> p.indexOf(2, 0));
        assertTrue(e.getMessage().contains("(2, 0)") && e.getMessage().contains("2 x 4"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> p.contains(0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> p.contains(-1, 0));
    }

    @Test
    void transposedHoldsTheTransposeAndItsSourceEntries() {
        Rng rng = new Rng(4);
        int rows = 17;
        int cols = 9;
        for (double density : new double[] {0, 0.05, 0.3, 1}) {
            SparsityPattern p = Patterns.random(rows, cols, (int) Math.round(density * rows * cols), rng);
            SparsityPattern.Transposed t = p.transposed();
            SparsityPattern tp = t.pattern();
            SparsityPattern.check(tp.rows(), tp.cols(), tp.rowPtr(), tp.colIdx());
            assertEquals(cols, tp.rows());
            assertEquals(rows, tp.cols());
            boolean[] mask = Patterns.toMask(p);
            boolean[] maskT = Patterns.toMask(tp);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    assertEquals(mask[r * cols + c], maskT[c * rows + r], "(" + r + ", " + c + ")");
                }
            }
            for (int c = 0; c < cols; c++) {
                for (int t2 = tp.rowStart(c); t2 < tp.rowEnd(c); t2++) {
                    int e = t.sourceEntry()[t2];
                    assertEquals(c, p.colIdx()[e]);
                    assertEquals(tp.colIdx()[t2], rowOf(p, e));
                }
            }
            assertEquals(p, tp.transposed().pattern());
            assertSame(t, p.transposed(), "the transpose is cached");
        }
    }

    @Test
    void equalityIsStructural() {
        SparsityPattern a = SparsityPattern.of(2, 4, PTR, IDX);
        SparsityPattern b = SparsityPattern.of(2, 4, PTR.clone(), IDX.clone());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, SparsityPattern.of(2, 5, PTR, IDX));
        assertNotEquals(a, SparsityPattern.of(2, 4, new int[] {0, 1, 3}, new int[] {1, 0, 3}));
        assertTrue(a.toString().contains("2 x 4, nnz 3"), a.toString());
    }

    private static int rowOf(SparsityPattern p, int entry) {
        for (int r = 0; r < p.rows(); r++) {
            if (entry < p.rowEnd(r)) {
                return r;
            }
        }
        throw new AssertionError("entry " + entry + " beyond nnz " + p.nnz());
    }

    private static void assertRejected(int rows, int cols, int[] ptr, int[] idx, String expectedPart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparsityPattern.of(rows, cols, ptr, idx));
        assertTrue(e.getMessage().startsWith("malformed sparsity pattern (" + rows + " x " + cols + "): "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart),
                "message \"" + e.getMessage() + "\" lacks \"" + expectedPart + "\"");
    }
}
