package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrMatrixTest {
    private static final SparsityPattern P = SparsityPattern.of(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1});

    @Test
    void valuesAreSharedAndMustMatchNnz() {
        float[] v = {1, 2, 3};
        CsrMatrix m = new CsrMatrix(P, v);
        assertSame(v, m.values());
        assertEquals(2f, m.get(0, 2));
        assertEquals(0f, m.get(1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CsrMatrix(P, new float[2]));
        assertTrue(e.getMessage().contains("length 2") && e.getMessage().contains("nnz 3"), e.getMessage());
    }

    @Test
    void remapMovesValuesAndRejectsAForeignRemap() {
        CsrMatrix m = new CsrMatrix(P, new float[] {1, 2, 3});
        SparsityPattern next = SparsityPattern.of(2, 3, new int[] {0, 1, 3}, new int[] {2, 0, 1});
        CsrMatrix moved = m.remap(Remap.between(P, next), -1f);
        assertSame(next, moved.pattern());
        assertArrayEquals(new float[] {2, -1, 3}, moved.values());
        assertThrows(IllegalArgumentException.class, () -> moved.remap(Remap.between(P, next), 0f));
        CsrMatrix copy = m.copy();
        copy.values()[0] = 7;
        assertEquals(1f, m.values()[0]);
    }
}
