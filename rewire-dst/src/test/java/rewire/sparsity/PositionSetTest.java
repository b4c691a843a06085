package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rewire.tensor.RandomCases;

/** The drawn-position set of random growth agrees with a {@code HashSet<Long>}, 64-bit positions included. */
class PositionSetTest {

    @Test
    void addsLikeAHashSet() {
        RandomCases.forEachSeed(21, 30, rng -> {
            int capacity = 1 + rng.nextInt(200);
            long range = rng.nextInt(2) == 0 ? 2L * capacity : 1L << 50;  // many repeats, or 64-bit positions
            PositionSet set = new PositionSet(capacity);
            Set<Long> want = new HashSet<>();
            while (want.size() < capacity) {
                long p = rng.nextLong(range);
                assertEquals(want.add(p), set.add(p), "position " + p);
            }
            assertEquals(capacity, set.size());
        });
    }

    @Test
    void refusesNegativePositionsAndMoreThanItsCapacity() {
        PositionSet set = new PositionSet(2);
        assertTrue(set.add(1L << 40));
        assertFalse(set.add(1L << 40));
        assertTrue(set.add(0));
        assertThrows(IllegalStateException.class, () -> set.add(5));
        assertThrows(IllegalArgumentException.class, () -> new PositionSet(1).add(-1));
        assertThrows(IllegalArgumentException.class, () -> new PositionSet(-1));
    }
}
