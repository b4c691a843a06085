package rewire.models.marl;

import java.util.ArrayList;
import java.util.List;
import rewire.tensor.Rng;

/**
 * A first-in first-out buffer of whole episodes (pymarl's episode replay buffer): once full, each
 * new episode replaces the oldest. Sampling draws distinct episodes uniformly.
 */
public final class EpisodeBuffer {
    private final Episode[] slots;
    private int next;
    private int size;

    public EpisodeBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an episode buffer needs capacity >= 1, got " + capacity);
        }
        slots = new Episode[capacity];
    }

    public int capacity() {
        return slots.length;
    }

    public int size() {
        return size;
    }

    public void add(Episode e) {
        slots[next] = e;
        next = (next + 1) % slots.length;
        size = Math.min(size + 1, slots.length);
    }

    /** The stored episodes from oldest to newest. */
    public List<Episode> contents() {
        List<Episode> out = new ArrayList<>(size);
        int start = size < slots.length ? 0 : next;
        for (int k = 0; k < size; k++) {
            out.add(slots[(start + k) % slots.length]);
        }
        return out;
    }

    /** {@code count} distinct episodes drawn uniformly (a partial Fisher–Yates shuffle of the indices). */
    public List<Episode> sample(int count, Rng rng) {
        if (count > size) {
            throw new IllegalArgumentException("cannot sample " + count + " episodes from a buffer holding " + size);
        }
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = i;
        }
        List<Episode> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int j = k + rng.nextInt(size - k);
            int chosen = index[j];
            index[j] = index[k];
            index[k] = chosen;
            out.add(slots[chosen]);
        }
        return out;
    }
}
