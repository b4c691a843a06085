package rewire.sparsity;

import java.util.Arrays;

/**
 * A set of non-negative 64-bit positions with a capacity fixed up front: open addressing with
 * linear probing over a {@code long[]} of at least twice the capacity, -1 marking a free slot.
 *
 * <p>Why not {@code HashSet<Long>}: random growth in a layer of a million outputs and a million
 * inputs draws millions of positions per update, and a boxed set spent about 50 bytes and two
 * allocations on each; this one spends 16 bytes and none.
 */
final class PositionSet {
    private static final long FREE = -1;
    // Fibonacci hashing: the multiplier spreads consecutive positions over the table
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    private final long[] slots;
    private final int shift;
    private final int capacity;
    private int size;

    /** A set that holds up to {@code capacity} positions. */
    PositionSet(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be non-negative, got " + capacity);
        }
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(2, 2L * capacity) - 1);
        if (bits > 30) {
            throw new IllegalArgumentException("a set of " + capacity + " positions exceeds the largest table");
        }
        this.slots = new long[1 << bits];
        this.shift = 64 - bits;
        this.capacity = capacity;
        Arrays.fill(slots, FREE);
    }

    /** Adds {@code position}; true when it was not in the set yet. */
    boolean add(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("positions are non-negative, got " + position);
        }
        int mask = slots.length - 1;
        for (int i = (int) ((position * SPREAD) >>> shift); ; i = (i + 1) & mask) {
            if (slots[i] == position) {
                return false;
            }
            if (slots[i] == FREE) {
                if (size == capacity) {
                    throw new IllegalStateException("position set is full at its capacity of " + capacity);
                }
                slots[i] = position;
                size++;
                return true;
            }
        }
    }

    int size() {
        return size;
    }
}
