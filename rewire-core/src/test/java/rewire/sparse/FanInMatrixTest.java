package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** {@link FanInMatrix} and {@link NmMatrix}: values, CSR round trips, the shared N:M view. */
class FanInMatrixTest {

    @Test
    void valuesAreSharedAndMustHoldRowsTimesK() {
        FanInPattern p = FanInPattern.of(2, 5, 2, new int[] {1, 3, 0, 4});
        float[] v = {1, 2, 3, 4};
        FanInMatrix m = new FanInMatrix(p, v);
        assertSame(v, m.values());
        assertEquals(4f, m.get(1, 4));
        assertEquals(0f, m.get(1, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FanInMatrix(p, new float[3]));
        assertTrue(e.getMessage().contains("length 3") && e.getMessage().contains("holds 4 entries"), e.getMessage());
    }

    @Test
    void csrRoundTripKeepsEveryValueAtItsPosition() {
        FanInMatrix m = FanInMatrix.zeros(FanInPattern.random(7, 9, 4, new Rng(2)));
        for (int e = 0; e < m.nnz(); e++) {
            m.values()[e] = e + 1;
        }
        CsrMatrix csr = m.toCsr();
        assertDenseEquals(csr, m.rows(), m.cols(), m::get);
        FanInMatrix back = FanInMatrix.fromCsr(csr);
        assertEquals(m.pattern(), back.pattern());
        assertArrayEquals(m.values(), back.values());
    }

    @Test
    void nmMatrixSharesItsValuesWithItsFanInForm() {
        NmMatrix m = NmMatrix.zeros(NmPattern.random(5, 16, 2, 4, new Rng(4)));
        for (int e = 0; e < m.nnz(); e++) {
            m.values()[e] = e + 1;
        }
        FanInMatrix f = m.asFanIn();
        assertSame(m.values(), f.values());
        CsrMatrix csr = m.toCsr();
        assertDenseEquals(csr, m.rows(), m.cols(), m::get);
        assertDenseEquals(csr, m.rows(), m.cols(), f::get);
        NmMatrix back = NmMatrix.fromCsr(csr, 2, 4);
        assertEquals(m.pattern(), back.pattern());
        assertArrayEquals(m.values(), back.values());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NmMatrix.fromCsr(csr, 1, 4));
        assertTrue(e.getMessage().contains("is not 1:4: row 0, group 0"), e.getMessage());
    }

    private interface Cell {
        float get(int row, int col);
    }

    private static void assertDenseEquals(CsrMatrix csr, int rows, int cols, Cell cell) {
        Tensor dense = Patterns.toDense(csr);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertEquals(cell.get(r, c), dense.get(r, c), "(" + r + ", " + c + ")");
            }
        }
    }
}
