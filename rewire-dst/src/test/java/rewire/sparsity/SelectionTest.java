package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import java.util.ArrayList;
import java.util.List;
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
    void unsortedSortsThePairsByPositionWithEveryKeyFollowingItsPosition() {
        forEachSeed(61, 200, rng -> {
            int n = intBetween(rng, 0, 3000);
            long range = switch (rng.nextInt(3)) {
                case 0 -> 2_000;                    // one digit
                case 1 -> 4096L * 4096;             // three
                default -> 1_000_000L * 1_000_000;  // four, beyond 2^31
            };
            java.util.TreeMap<Long, Float> expected = new java.util.TreeMap<>();
            while (expected.size() < Math.min(n, range)) {
                expected.put(rng.nextLong(range), rng.nextFloat());
            }
            List<Long> shuffled = new ArrayList<>(expected.keySet());
            java.util.Collections.shuffle(shuffled, new java.util.Random(rng.nextLong()));
            long[] positions = shuffled.stream().mapToLong(Long::longValue).toArray();
            float[] keys = new float[positions.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = expected.get(positions[i]);
            }
            Selection sorted = Selection.unsorted(positions, keys);
            assertArrayEquals(expected.keySet().stream().mapToLong(Long::longValue).toArray(), sorted.positions());
            for (int i = 0; i < sorted.size(); i++) {
                assertEquals(expected.get(sorted.positions()[i]), sorted.keys()[i], "key of " + sorted.positions()[i]);
            }
        });
    }

    @Test
    void unsortedRefusesRepeatedOrNegativePositions() {
        assertThrows(IllegalArgumentException.class, () -> Selection.unsorted(new long[] {5, 9, 5}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Selection.unsorted(new long[] {5, -1}, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> Selection.unsorted(new long[] {5}, new float[2]));
    }

    @Test
    void addedToRefusesAPositionThePatternHolds() {
        Selection clash = Selection.unsorted(new long[] {0, 7}, new float[] {1, 1});  // (1,3) is in P
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> clash.addedTo(P));
        assertTrue(e.getMessage().startsWith("1 of 2 selected positions are already in the 3 x 4 pattern"),
                e.getMessage());
    }
}
