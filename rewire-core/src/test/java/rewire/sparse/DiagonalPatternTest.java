package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class DiagonalPatternTest {
    private static final int[][] SHAPES = {{7, 4}, {4, 7}, {5, 5}, {1, 6}, {6, 1}, {1, 1}, {13, 31}};

    // METHODS F.5: the index sets of the P diagonals are disjoint and cover every entry once
    @Test
    void diagonalsAreDisjointAndCoverEveryPositionOnce() {
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int cols = shape[1];
            Set<Long> seen = new HashSet<>();
            for (int p = 0; p < DiagonalPattern.count(rows, cols); p++) {
                for (int i = 0; i < DiagonalPattern.length(rows, cols); i++) {
                    long pos = DiagonalPattern.position(rows, cols, p, i);
                    assertTrue(seen.add(pos), rows + " x " + cols + ": position " + pos + " covered twice");
                    assertEquals(p, DiagonalPattern.diagonalOf(rows, cols, (int) (pos / cols), (int) (pos % cols)));
                }
            }
            assertEquals((long) rows * cols, seen.size(), rows + " x " + cols + ": every position covered");
        }
    }

    @Test
    void layoutIsDynaDiags() {
        // out >= in: (r, c) = ((c + p) mod out, c)
        assertEquals(2L * 3, DiagonalPattern.position(5, 3, 2, 0));
        assertEquals(((1 + 4) % 5) * 3L + 1, DiagonalPattern.position(5, 3, 4, 1));
        // out < in: (r, (r + p) mod in)
        assertEquals(5L + (1 + 4) % 5, DiagonalPattern.position(3, 5, 4, 1));
    }

    @Test
    void entriesAreIndexedDiagonalMajorAndMapToTheirCsrEntries() {
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int cols = shape[1];
            DiagonalPattern p = randomPattern(new Rng(rows * 31L + cols), rows, cols);
            SparsityPattern csr = p.toCsr();
            assertEquals(p.nnz(), csr.nnz());
            assertEquals((long) p.count() * Math.min(rows, cols), p.nnz(), "nnz = K * D");
            int[] entries = p.csrEntries();
            for (int k = 0; k < p.count(); k++) {
                for (int i = 0; i < p.length(); i++) {
                    int e = k * p.length() + i;
                    assertEquals(e, p.indexOf(p.row(k, i), p.col(k, i)));
                    assertEquals(csr.indexOf(p.row(k, i), p.col(k, i)), entries[e]);
                }
            }
            assertEquals(p, DiagonalPattern.fromCsr(csr), "round trip through CSR");
        }
    }

    @Test
    void positionsOffTheChosenDiagonalsAreAbsent() {
        DiagonalPattern p = DiagonalPattern.of(5, 3, new int[] {1, 3});
        assertEquals(-1, p.indexOf(0, 0), "diagonal 0 is not chosen");
        assertEquals(3 + 2, p.indexOf(0, 2), "(0, 2) is position 2 of diagonal 3, the second chosen");
    }

    @Test
    void badDiagonalsAreRejectedWithTheOffendingValue() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> DiagonalPattern.of(5, 3, new int[] {1, 5}));
        assertTrue(range.getMessage().contains("diagonal 5 (index 1) outside [0, 5)"), range.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> DiagonalPattern.of(5, 3, new int[] {2, 2}));
        assertTrue(order.getMessage().contains("strictly increasing: 2 at index 1"), order.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> DiagonalPattern.of(0, 3, new int[0]));
        assertTrue(shape.getMessage().contains("0 x 3"), shape.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DiagonalPattern.fromCsr(Patterns.empty(4, 0)));
        assertTrue(empty.getMessage().contains("4 x 0"), empty.getMessage());
    }

    @Test
    void aCsrPatternWithAPartialDiagonalIsRejected() {
        // 3 x 3: diagonal 0 whole, diagonal 1 only at (1, 0)
        SparsityPattern partial = SparsityPattern.of(3, 3, new int[] {0, 1, 3, 4}, new int[] {0, 0, 1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiagonalPattern.fromCsr(partial));
        assertTrue(e.getMessage().contains("diagonal 1 holds 1 of its 3 positions"), e.getMessage());
    }

    @Test
    void allDiagonalsMakeTheFullPattern() {
        int[] all = {0, 1, 2, 3, 4, 5, 6};
        assertEquals(Patterns.full(4, 7), DiagonalPattern.of(4, 7, all).toCsr());
        assertArrayEquals(all, DiagonalPattern.fromCsr(Patterns.full(4, 7)).diagonals());
    }

    /** About half of the diagonals of a {@code rows x cols} matrix, at least one. */
    static DiagonalPattern randomPattern(Rng rng, int rows, int cols) {
        return DiagonalPattern.random(rows, cols, Math.max(1, DiagonalPattern.count(rows, cols) / 2), rng);
    }
}
