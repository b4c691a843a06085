package rewire.models.marl;

import java.util.ArrayList;
import java.util.List;
import rewire.io.Checkpoint;
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

    /**
     * Writes the buffer under {@code prefix}: its slot order (next slot, size) and every stored
     * episode concatenated per array, so a restored buffer samples exactly as this one would.
     */
    public void save(Checkpoint.Builder c, String prefix) {
        List<Episode.Parts> parts = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            parts.add(slots[k].parts());
        }
        c.putInts(prefix + "order", new int[] {slots.length, next, size});
        c.putInts(prefix + "lengths", parts.stream().mapToInt(Episode.Parts::length).toArray());
        c.putInts(prefix + "outcomes", parts.stream().mapToInt(Episode.Parts::outcome).toArray());
        c.putFloats(prefix + "observations", Concat.floats(parts.stream().map(Episode.Parts::observations).toList()));
        c.putFloats(prefix + "states", Concat.floats(parts.stream().map(Episode.Parts::states).toList()));
        c.putInts(prefix + "available", Concat.booleans(parts.stream().map(Episode.Parts::available).toList()));
        c.putInts(prefix + "actions", Concat.ints(parts.stream().map(Episode.Parts::actions).toList()));
        c.putFloats(prefix + "rewards", Concat.floats(parts.stream().map(Episode.Parts::rewards).toList()));
    }

    /** Reads back what {@link #save} wrote; the capacity must be the same. */
    public void restore(Checkpoint c, String prefix, Episode.Dims dims) {
        int[] order = c.ints(prefix + "order");
        if (order[0] != slots.length) {
            throw new IllegalArgumentException(c.source() + ": " + prefix + " holds a buffer of " + order[0]
                    + " episodes, this one has room for " + slots.length);
        }
        int[] lengths = c.ints(prefix + "lengths");
        int[] outcomes = c.ints(prefix + "outcomes");
        Concat.Reader obs = new Concat.Reader(c.floats(prefix + "observations"));
        Concat.Reader states = new Concat.Reader(c.floats(prefix + "states"));
        Concat.Reader available = new Concat.Reader(c.ints(prefix + "available"));
        Concat.Reader actions = new Concat.Reader(c.ints(prefix + "actions"));
        Concat.Reader rewards = new Concat.Reader(c.floats(prefix + "rewards"));
        java.util.Arrays.fill(slots, null);
        int n = dims.agents();
        for (int k = 0; k < order[2]; k++) {
            int t = lengths[k];
            slots[k] = Episode.of(dims, new Episode.Parts(t, outcomes[k], obs.floats((t + 1) * n * dims.observationSize()),
                    states.floats((t + 1) * dims.stateSize()), available.booleans((t + 1) * n * dims.actions()),
                    actions.ints(t * n), rewards.floats(t)));
        }
        next = order[1];
        size = order[2];
    }
}
