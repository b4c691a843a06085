package rewire.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapeTest {

    @Test
    void toStringWritesTuplesWithATrailingCommaForRankOne() {
        assertEquals("()", Shape.of().toString());
        assertEquals("(3,)", Shape.of(3).toString());
        assertEquals("(2, 3)", Shape.of(2, 3).toString());
        assertEquals("(2, 0, 4)", Shape.of(2, 0, 4).toString());
    }

    @Test
    void sizeRankAndDims() {
        Shape s = Shape.of(2, 3, 4);
        assertEquals(24, s.size());
        assertEquals(3, s.rank());
        assertEquals(3, s.dim(1));
        assertEquals(1, Shape.of().size(), "a scalar has one element");
        assertEquals(0, Shape.of(5, 0).size());
    }

    @Test
    void negativeDimensionIsRejectedNamingDimensionAndShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1, 3));
        assertTrue(e.getMessage().contains("dimension 1"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, -1, 3]"), e.getMessage());
    }

    @Test
    void moreThanIntMaxElementsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.of(65536, 32768));
        assertTrue(e.getMessage().contains("[65536, 32768]") && e.getMessage().contains("2^31-1"), e.getMessage());
        assertEquals(Integer.MAX_VALUE, Shape.of(Integer.MAX_VALUE).size());
    }

    @Test
    void aZeroDimensionMakesAnEmptyShapeHoweverLargeTheOthers() {
        assertEquals(0, Shape.of(65536, 65536, 0).size());
        assertEquals(0, Shape.of(0, 65536, 65536).size());
    }

    @Test
    void dimsAreCopiedInAndOut() {
        int[] dims = {2, 3};
        Shape s = new Shape(dims);
        dims[0] = 99;
        s.dims()[1] = 99;
        assertArrayEquals(new int[] {2, 3}, s.dims());
    }

    @Test
    void equalityIsByDimensions() {
        assertEquals(Shape.of(2, 3), Shape.of(2, 3));
        assertEquals(Shape.of(2, 3).hashCode(), Shape.of(2, 3).hashCode());
        assertNotEquals(Shape.of(2, 3), Shape.of(3, 2));
        assertNotEquals(Shape.of(6), Shape.of(6, 1));
    }
}
