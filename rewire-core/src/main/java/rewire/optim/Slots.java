package rewire.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import rewire.nn.Param;
import rewire.sparse.Remap;

/**
 * Per-connection optimizer state: for each parameter, named arrays ("momentum", "adam.m", ...)
 * aligned with its values. When the DST engine changes a sparse parameter's topology it calls
 * {@link #remap}, which moves every slot of that parameter through the same {@link Remap} as its
 * weights (kept entries bit for bit, grown entries zero), so the engine never needs to know which
 * optimizer runs.
 */
public final class Slots {
    private final Map<Param, Map<String, float[]>> state = new LinkedHashMap<>();

    /** The slot {@code name} of {@code param}, created as zeros on first use. */
    public float[] get(Param param, String name) {
        Map<String, float[]> slots = state.computeIfAbsent(param, p -> new LinkedHashMap<>());
        float[] slot = slots.get(name);
        if (slot == null || slot.length != param.size()) {
            if (slot != null) {
                throw new IllegalStateException("slot " + name + " of " + param.name() + " has length " + slot.length
                        + " but the parameter has " + param.size() + " connections: a topology change skipped Slots.remap");
            }
            slot = new float[param.size()];
            slots.put(name, slot);
        }
        return slot;
    }

    /** Whether {@code param} has a slot called {@code name}. */
    public boolean has(Param param, String name) {
        return state.containsKey(param) && state.get(param).containsKey(name);
    }

    /** The slots of {@code param} by name (read-only view; arrays are live). */
    public Map<String, float[]> of(Param param) {
        return Collections.unmodifiableMap(state.getOrDefault(param, Map.of()));
    }

    /** Replaces slot {@code name} of {@code param}, for restoring checkpoints. */
    public void put(Param param, String name, float[] values) {
        if (values.length != param.size()) {
            throw new IllegalArgumentException("slot " + name + " of " + param.name() + ": " + values.length
                    + " values for " + param.size() + " connections");
        }
        state.computeIfAbsent(param, p -> new LinkedHashMap<>()).put(name, values);
    }

    /** Moves every slot of {@code param} through {@code remap}; grown entries start at zero. */
    public void remap(Param param, Remap remap) {
        Map<String, float[]> slots = state.get(param);
        if (slots == null) {
            return;
        }
        slots.replaceAll((name, old) -> remap.apply(old, 0f));
    }
}
