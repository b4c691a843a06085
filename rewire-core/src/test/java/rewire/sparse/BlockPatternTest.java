package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class BlockPatternTest {
    // rows, cols, br, bc: the contract's block shapes on odd grids
    private static final int[][] SHAPES = {{12, 20, 4, 4}, {3, 48, 1, 16}, {14, 24, 2, 8}, {7, 13, 1, 1}, {4, 4, 4, 4},
            {10, 16, 2, 8}};

    @Test
    void entriesAreIndexedBlockMajorRowMajorAndMapToTheirCsrEntries() {
        for (int[] s : SHAPES) {
            BlockPattern p = randomPattern(new Rng(s[0] * 31L + s[1]), s[0], s[1], s[2], s[3]);
            SparsityPattern csr = p.toCsr();
            assertEquals(p.nnz(), csr.nnz());
            assertEquals(p.count() * s[2] * s[3], p.nnz(), "nnz = blocks * br * bc");
            int[] entries = p.csrEntries();
            Set<Integer> seen = new HashSet<>();
            SparsityPattern grid = p.grid();
            for (int rb = 0; rb < grid.rows(); rb++) {
                for (int b = grid.rowStart(rb); b < grid.rowEnd(rb); b++) {
                    for (int i = 0; i < s[2]; i++) {
                        for (int j = 0; j < s[3]; j++) {
                            int row = rb * s[2] + i;
                            int col = grid.colIdx()[b] * s[3] + j;
                            int e = b * s[2] * s[3] + i * s[3] + j;
                            assertEquals(e, p.indexOf(row, col), p + ": (" + row + ", " + col + ")");
                            assertEquals(csr.indexOf(row, col), entries[e]);
                            assertTrue(seen.add(entries[e]), "CSR entry " + entries[e] + " twice");
                        }
                    }
                }
            }
            assertEquals(p, BlockPattern.fromCsr(csr, s[2], s[3]), "round trip through CSR");
            assertEquals(p.hashCode(), BlockPattern.fromCsr(csr, s[2], s[3]).hashCode());
        }
    }

    @Test
    void positionsOutsideTheChosenBlocksAreAbsent() {
        // 4 x 6 in 2 x 3 blocks: block (0, 1) and block (1, 0)
        BlockPattern p = BlockPattern.of(4, 6, 2, 3, new int[] {0, 1, 2}, new int[] {1, 0});
        assertEquals(-1, p.indexOf(0, 0), "block (0, 0) is not chosen");
        assertEquals(1 * 3 + 2, p.indexOf(1, 5), "(1, 5) is entry (1, 2) of block 0");
        assertEquals(6 + 3 + 1, p.indexOf(3, 1), "(3, 1) is entry (1, 1) of block 1");
        assertEquals("BlockPattern(4 x 6 in 2 x 3 blocks, 2 of 4 blocks)", p.toString());
        assertNotEquals(p, BlockPattern.of(4, 6, 2, 3, new int[] {0, 1, 2}, new int[] {0, 0}));
        assertNotEquals(p.toCsr(), BlockPattern.of(4, 6, 4, 3, new int[] {0, 1}, new int[] {1}).toCsr());
    }

    @Test
    void allBlocksMakeTheFullPattern() {
        BlockPattern all = BlockPattern.random(8, 12, 4, 4, 6, new Rng(1));
        assertEquals(Patterns.full(8, 12), all.toCsr());
        assertEquals(all, BlockPattern.fromCsr(Patterns.full(8, 12), 4, 4));
        assertEquals(0, BlockPattern.fromCsr(Patterns.empty(8, 12), 4, 4).count());
    }

    @Test
    void badShapesAndBlocksAreRejectedWithTheOffendingValue() {
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> BlockPattern.random(10, 12, 4, 4, 1, new Rng(1)));
        assertTrue(shape.getMessage().contains("10 x 12 is not a multiple of the 4 x 4 block"), shape.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> BlockPattern.of(4, 4, 0, 2, new int[] {0}, new int[0]));
        assertTrue(size.getMessage().contains("got 0 x 2"), size.getMessage());
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> BlockPattern.of(4, 4, 2, 2, new int[] {0, 1, 1}, new int[] {2}));
        assertTrue(column.getMessage().contains("a 2 x 2 grid") && column.getMessage().contains("column index 2"),
                column.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> BlockPattern.random(8, 8, 4, 4, 5, new Rng(1)));
        assertTrue(count.getMessage().contains("blocks 5 outside [0, 4]"), count.getMessage());
        IllegalArgumentException fromCsr = assertThrows(IllegalArgumentException.class,
                () -> BlockPattern.fromCsr(Patterns.full(6, 8), 4, 4));
        assertTrue(fromCsr.getMessage().contains("6 x 8 is not a multiple"), fromCsr.getMessage());
    }

    @Test
    void aCsrPatternWithAPartialBlockIsRejectedNamingTheBlock() {
        // 4 x 4 in 2 x 2 blocks: block (0, 0) whole, block (1, 1) only at (3, 3)
        SparsityPattern partial = SparsityPattern.of(4, 4, new int[] {0, 2, 4, 4, 5}, new int[] {0, 1, 0, 1, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockPattern.fromCsr(partial, 2, 2));
        assertTrue(e.getMessage().contains("block (1, 1) at rows 2..3, columns 2..3 holds 1 of its 4 entries"),
                e.getMessage());
    }

    /** About half of the blocks of a {@code rows x cols} matrix, at least one. */
    static BlockPattern randomPattern(Rng rng, int rows, int cols, int br, int bc) {
        int grid = rows / br * (cols / bc);
        return BlockPattern.random(rows, cols, br, bc, Math.max(1, grid / 2), rng);
    }
}
