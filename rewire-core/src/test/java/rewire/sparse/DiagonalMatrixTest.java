package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

class DiagonalMatrixTest {

    @Test
    void valuesAreSharedAndMustHoldKTimesD() {
        DiagonalPattern p = DiagonalPattern.of(5, 3, new int[] {1, 3});
        float[] v = {1, 2, 3, 4, 5, 6};
        DiagonalMatrix m = new DiagonalMatrix(p, v);
        assertSame(v, m.values());
        // diagonal 3, position 2 is ((2 + 3) mod 5, 2) = (0, 2): value k * D + i = 1 * 3 + 2
        assertEquals(6f, m.get(0, 2));
        assertEquals(0f, m.get(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DiagonalMatrix(p, new float[5]));
        assertTrue(e.getMessage().contains("length 5") && e.getMessage().contains("holds 6 entries"), e.getMessage());
    }

    @Test
    void csrRoundTripKeepsEveryValueAtItsPosition() {
        for (int[] shape : new int[][] {{7, 4}, {4, 7}, {6, 6}, {1, 5}}) {
            Rng rng = new Rng(shape[0] * 17L + shape[1]);
            DiagonalPattern p = DiagonalPatternTest.randomPattern(rng, shape[0], shape[1]);
            DiagonalMatrix m = DiagonalMatrix.zeros(p);
            for (int e = 0; e < m.nnz(); e++) {
                m.values()[e] = e + 1;
            }
            CsrMatrix csr = m.toCsr();
            Tensor dense = Patterns.toDense(csr);
            for (int r = 0; r < shape[0]; r++) {
                for (int c = 0; c < shape[1]; c++) {
                    assertEquals(m.get(r, c), dense.get(r, c), "(" + r + ", " + c + ")");
                }
            }
            DiagonalMatrix back = DiagonalMatrix.fromCsr(csr);
            assertEquals(p, back.pattern());
            assertArrayEquals(m.values(), back.values());
        }
    }

    @Test
    void fromCsrNamesTheIncompleteDiagonal() {
        CsrMatrix oneEntry = new CsrMatrix(SparsityPattern.of(2, 4, new int[] {0, 1, 1}, new int[] {3}), new float[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiagonalMatrix.fromCsr(oneEntry));
        assertTrue(e.getMessage().contains("diagonal 3 holds 1 of its 2 positions"), e.getMessage());
    }
}
