package rewire.io;

import java.util.List;
import rewire.sparsity.RewireState;
import rewire.sparsity.StateArray;

/**
 * The DST engine's state across steps ({@link RewireState}: ever-active positions, SNFS's dense
 * momentum) in a {@link Checkpoint}, as {@link ParamState} does for optimizer slots: each named
 * array of {@link RewireState#arrays()} becomes the entry {@code <prefix><name>}, floats or ints.
 */
public final class RewireStateEntries {
    private RewireStateEntries() {
    }

    /** Puts every array of {@code state} under {@code prefix}. */
    public static void put(Checkpoint.Builder checkpoint, String prefix, RewireState state) {
        for (StateArray a : state.arrays()) {
            switch (a) {
                case StateArray.Floats f -> checkpoint.putFloats(prefix + f.name(), f.values());
                case StateArray.Ints i -> checkpoint.putInts(prefix + i.name(), i.values());
            }
        }
    }

    /**
     * Reads back into {@code state} what {@link #put} wrote under {@code prefix}.
     *
     * @throws IllegalArgumentException when an entry is missing or does not fit the state
     */
    public static void restore(Checkpoint checkpoint, String prefix, RewireState state) {
        List<StateArray> saved = state.arrays().stream().map(a -> read(checkpoint, prefix, a)).toList();
        state.restore(saved);
    }

    private static StateArray read(Checkpoint checkpoint, String prefix, StateArray expected) {
        String entry = prefix + expected.name();
        if (!checkpoint.has(entry)) {
            throw new IllegalArgumentException(checkpoint.source() + " lacks the rewiring state " + entry);
        }
        return switch (expected) {
            case StateArray.Floats f -> new StateArray.Floats(f.name(), checkpoint.floats(entry));
            case StateArray.Ints i -> new StateArray.Ints(i.name(), checkpoint.ints(entry));
        };
    }
}
