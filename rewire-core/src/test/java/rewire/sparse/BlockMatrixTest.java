package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

class BlockMatrixTest {

    @Test
    void valuesAreSharedAndMustHoldBlocksTimesBlockSize() {
        // 4 x 6 in 2 x 3 blocks: block (0, 1), then block (1, 0)
        BlockPattern p = BlockPattern.of(4, 6, 2, 3, new int[] {0, 1, 2}, new int[] {1, 0});
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        BlockMatrix m = new BlockMatrix(p, v);
        assertSame(v, m.values());
        assertEquals(2f, m.get(0, 4), "entry (0, 1) of block 0");
        assertEquals(12f, m.get(3, 2), "entry (1, 2) of block 1");
        assertEquals(0f, m.get(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlockMatrix(p, new float[5]));
        assertTrue(e.getMessage().contains("length 5") && e.getMessage().contains("holds 12 entries"), e.getMessage());
    }

    @Test
    void csrRoundTripKeepsEveryValueAtItsPosition() {
        for (int[] s : new int[][] {{12, 20, 4, 4}, {3, 48, 1, 16}, {14, 24, 2, 8}, {7, 13, 1, 1}}) {
            Rng rng = new Rng(s[0] * 17L + s[1]);
            BlockMatrix m = BlockMatrix.zeros(BlockPatternTest.randomPattern(rng, s[0], s[1], s[2], s[3]));
            for (int e = 0; e < m.nnz(); e++) {
                m.values()[e] = e + 1;
            }
            CsrMatrix csr = m.toCsr();
            Tensor dense = Patterns.toDense(csr);
            for (int r = 0; r < s[0]; r++) {
                for (int c = 0; c < s[1]; c++) {
                    assertEquals(m.get(r, c), dense.get(r, c), "(" + r + ", " + c + ")");
                }
            }
            BlockMatrix back = BlockMatrix.fromCsr(csr, s[2], s[3]);
            assertEquals(m.pattern(), back.pattern());
            assertArrayEquals(m.values(), back.values());
        }
    }

    @Test
    void fromCsrNamesTheIncompleteBlock() {
        CsrMatrix oneEntry = new CsrMatrix(SparsityPattern.of(2, 4, new int[] {0, 1, 1}, new int[] {3}), new float[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlockMatrix.fromCsr(oneEntry, 2, 2));
        assertTrue(e.getMessage().contains("block (0, 1) at rows 0..1, columns 2..3 holds 1 of its 4 entries"),
                e.getMessage());
    }
}
