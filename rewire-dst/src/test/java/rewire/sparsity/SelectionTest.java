package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.sparse.SparsityPattern;

class SelectionTest {
    // 3 x 4: (0,1) (1,0) (1,3) (2,2)
    private static final SparsityPattern P = SparsityPattern.of(3, 4, new int[] {0, 1, 3, 4}, new int[] {1, 0, 3, 2});

    @Test
    void addedToHoldsThePatternAndTheSelectedPositions() {
        Selection grown = Selection.unsorted(new long[] {11, 0, 5}, new float[] {3, 1, 2});  // (2,3) (0,0) (1,1)
        SparsityPattern next = grown.addedTo(P);
        assertEquals(SparsityPattern.of(3, 4, new int[] {0, 2, 5, 7}, new int[] {0, 1, 0, 1, 3, 2, 3}), next);
        assertEquals(3f, grown.keys()[2], "keys follow their positions when sorted");
    }

    @Test
    void addedToRefusesAPositionThePatternHolds() {
        Selection clash = Selection.unsorted(new long[] {0, 7}, new float[] {1, 1});  // (1,3) is in P
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> clash.addedTo(P));
        assertTrue(e.getMessage().startsWith("1 of 2 selected positions are already in the 3 x 4 pattern"),
                e.getMessage());
    }
}
