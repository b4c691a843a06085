package rewire.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.nn.DenseParam;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;

class SlotsTest {
    // 2 x 3: entries (0,0) (0,2) (1,1)
    private static final SparsityPattern OLD = SparsityPattern.of(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1});
    // 2 x 3: entries (0,1) (0,2) (1,1) (1,2): (0,0) pruned, (0,1) and (1,2) grown
    private static final SparsityPattern NEW = SparsityPattern.of(2, 3, new int[] {0, 2, 4}, new int[] {1, 2, 1, 2});

    @Test
    void getCreatesZerosOnceAndReturnsTheSameArray() {
        Slots slots = new Slots();
        DenseParam p = OptimReferenceTest.dense("p", 1f, 2f, 3f);
        float[] m = slots.get(p, "m");
        assertArrayEquals(new float[3], m);
        m[1] = 5f;
        assertSame(m, slots.get(p, "m"));
        assertTrue(slots.has(p, "m"));
        assertFalse(slots.has(p, "v"));
    }

    @Test
    void remapMovesEverySlotKeptBitsAndGrownZeros() {
        SparseParam p = new SparseParam("w", new CsrMatrix(OLD, new float[] {1f, 2f, 3f}));
        Slots slots = new Slots();
        slots.put(p, "m", new float[] {-0f, 7f, 8f});
        slots.put(p, "v", new float[] {9f, Float.MIN_VALUE, 11f});
        Remap remap = Remap.between(OLD, NEW);
        p.remap(remap, null);
        slots.remap(p, remap);
        assertArrayEquals(new float[] {0f, 7f, 8f, 0f}, slots.get(p, "m"));
        assertArrayEquals(new float[] {0f, Float.MIN_VALUE, 11f, 0f}, slots.get(p, "v"));
        assertEquals(List.of("m", "v"), List.copyOf(slots.names(p)));
    }

    @Test
    void remapBeforeTheParameterWorksToo() {
        SparseParam p = new SparseParam("w", new CsrMatrix(OLD, new float[3]));
        Slots slots = new Slots();
        slots.put(p, "m", new float[] {1f, 2f, 3f});
        Remap remap = Remap.between(OLD, NEW);
        slots.remap(p, remap);
        p.remap(remap, null);
        assertArrayEquals(new float[] {0f, 2f, 3f, 0f}, slots.get(p, "m"));
    }

    @Test
    void skippingRemapIsReportedOnNextUse() {
        SparseParam p = new SparseParam("fc1.weight", new CsrMatrix(OLD, new float[3]));
        Slots slots = new Slots();
        slots.get(p, "momentum");
        p.remap(Remap.between(OLD, NEW), null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> slots.get(p, "momentum"));
        assertTrue(e.getMessage().contains("fc1.weight") && e.getMessage().contains("Slots.remap"), e.getMessage());
    }

    @Test
    void remapFromTheWrongPatternNamesTheSlot() {
        SparseParam p = new SparseParam("fc1.weight", new CsrMatrix(OLD, new float[3]));
        Slots slots = new Slots();
        slots.get(p, "adam.m");
        Remap wrong = Remap.between(NEW, OLD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> slots.remap(p, wrong));
        assertTrue(e.getMessage().contains("adam.m") && e.getMessage().contains("fc1.weight"), e.getMessage());
    }

    @Test
    void remapOfAParameterWithoutSlotsDoesNothing() {
        Slots slots = new Slots();
        SparseParam p = new SparseParam("w", CsrMatrix.zeros(OLD));
        slots.remap(p, Remap.between(OLD, NEW));
        assertTrue(slots.params().isEmpty());
    }

    @Test
    void putChecksTheLength() {
        Slots slots = new Slots();
        DenseParam p = OptimReferenceTest.dense("b", 1f, 2f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> slots.put(p, "m", new float[3]));
        assertTrue(e.getMessage().contains("3 values for 2"), e.getMessage());
    }

    @Test
    void paramsAndNamesListEverythingInCreationOrderReadOnly() {
        Slots slots = new Slots();
        DenseParam a = OptimReferenceTest.dense("a", 1f);
        SparseParam b = new SparseParam("b", CsrMatrix.zeros(Patterns.full(2, 2)));
        slots.get(b, "adam.m");
        slots.get(a, "momentum");
        slots.get(b, "adam.v");
        assertEquals(List.of(b, a), List.copyOf(slots.params()));
        assertEquals(List.of("adam.m", "adam.v"), List.copyOf(slots.names(b)));
        assertTrue(slots.names(OptimReferenceTest.dense("unknown", 1f)).isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> slots.params().clear());
        assertThrows(UnsupportedOperationException.class, () -> slots.names(b).clear());
    }
}
