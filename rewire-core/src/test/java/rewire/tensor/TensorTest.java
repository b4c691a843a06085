package rewire.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void wrapSharesTheArrayAndOfCopiesIt() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor wrapped = Tensor.wrap(data, 2, 3);
        Tensor copied = Tensor.of(data, 2, 3);
        data[0] = 9;
        assertSame(data, wrapped.data());
        assertEquals(9f, wrapped.get(0, 0));
        assertEquals(1f, copied.get(0, 0));
    }

    @Test
    void dataLengthMustMatchTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap(new float[5], 2, 3));
        assertEquals("shape (2, 3) needs 6 floats, data has 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[7], 2, 3));
    }

    @Test
    void rowMajorIndexing() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(2, t.rows());
        assertEquals(3, t.cols());
        assertEquals(6f, t.get(1, 2));
        t.set(1, 0, -1f);
        assertEquals(-1f, t.data()[3]);
    }

    @Test
    void indexOutsideTheMatrixNamesIndexAndShape() {
        Tensor t = Tensor.zeros(2, 3);
        for (int[] rc : new int[][] {{2, 0}, {0, 3}, {-1, 0}, {0, -1}}) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> t.get(rc[0], rc[1]));
            assertTrue(e.getMessage().contains("(" + rc[0] + ", " + rc[1] + ")")
                    && e.getMessage().contains("(2, 3)"), e.getMessage());
        }
        assertThrows(IndexOutOfBoundsException.class, () -> t.set(0, 3, 1f));
    }

    @Test
    void matrixOperationsRejectOtherRanks() {
        Tensor cube = Tensor.zeros(2, 2, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, cube::rows);
        assertTrue(e.getMessage().contains("(2, 2, 2)"), e.getMessage());
        assertThrows(IllegalStateException.class, cube::cols);
        assertThrows(IllegalStateException.class, cube::transpose);
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(4).get(0, 0));
    }

    @Test
    void transposeMovesEveryElement() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor tt = t.transpose();
        assertEquals(Shape.of(3, 2), tt.shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, tt.data());
        assertArrayEquals(t.data(), tt.transpose().data());
        assertEquals(Shape.of(0, 4), Tensor.zeros(4, 0).transpose().shape());
    }

    @Test
    void reshapeSharesDataAndKeepsTheSize() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor r = t.reshape(3, 2);
        assertSame(t.data(), r.data());
        assertEquals(4f, r.get(1, 1));
        assertEquals(Shape.of(6), t.reshape(6).shape());
        assertThrows(IllegalArgumentException.class, () -> t.reshape(4, 2));
    }

    @Test
    void copyAndFillAreIndependent() {
        Tensor t = Tensor.zeros(2, 2);
        Tensor c = t.copy().fill(3f);
        assertArrayEquals(new float[4], t.data());
        assertArrayEquals(new float[] {3, 3, 3, 3}, c.data());
        assertEquals(4, c.size());
        assertEquals(2, c.rank());
        assertEquals("Tensor(2, 2)", c.toString());
    }
}
