package rewire.optim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rewire.nn.Param;
import rewire.sparse.Remap;

/**
 * Per-connection optimizer state: for each parameter, named arrays ("momentum", "adam.m", ...)
 * aligned with its values. When the DST engine changes a sparse parameter's topology it calls
 * {@link #remap}, which moves every slot of that parameter through the same {@link Remap} as its
 * weights (kept entries bit for bit, grown entries zero), so the engine never needs to know which
 * optimizer runs.
 *
 * <p>Slots are keyed by the {@link Param} object, never by its arrays, so they survive the array
 * replacement of {@link rewire.nn.SparseParam#remap}. A checkpoint saves every array reachable
 * through {@link #params()}, {@link #names(Param)} and {@link #get(Param, String)}, and restores
 * them with {@link #put}.
 *
 * <p>Readers outside the optimizer find a slot by its {@link SlotRole} ({@link #find}), which the
 * optimizer registers through {@link Transform#init} ({@link #assignRole}); roles outlive the
 * arrays, so a slot restored from a checkpoint by name keeps the role of its name.
 */
public final class Slots {
    private final Map<Param, Map<String, float[]>> state = new LinkedHashMap<>();
    private final Map<SlotRole, String> roles = new EnumMap<>(SlotRole.class);

    /**
     * The slot {@code name} of {@code param}, created as zeros on first use.
     *
     * @throws IllegalStateException if the slot exists with a length other than {@code param.size()},
     *     which means a topology change skipped {@link #remap}
     */
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

    /** The parameters that have slots, in the order their first slot was created (read-only view). */
    public Set<Param> params() {
        return Collections.unmodifiableSet(state.keySet());
    }

    /** The slot names of {@code param}, in creation order (read-only view; empty if it has none). */
    public Set<String> names(Param param) {
        return of(param).keySet();
    }

    /**
     * Records that the slot {@code name} holds {@code role}, for every parameter; a later
     * assignment of the same role replaces it (in a chain, the later stage holds the role).
     */
    public void assignRole(String name, SlotRole role) {
        roles.put(role, name);
    }

    /** The slot of {@code param} that holds {@code role} (the live array), if the optimizer keeps one. */
    public Optional<float[]> find(Param param, SlotRole role) {
        String name = roles.get(role);
        return name == null ? Optional.empty() : Optional.ofNullable(of(param).get(name));
    }

    /** The roles registered so far, by role (read-only view), for error messages. */
    public Map<SlotRole, String> roles() {
        return Collections.unmodifiableMap(roles);
    }

    /** Replaces slot {@code name} of {@code param}, for restoring checkpoints. */
    public void put(Param param, String name, float[] values) {
        if (values.length != param.size()) {
            throw new IllegalArgumentException("slot " + name + " of " + param.name() + ": " + values.length
                    + " values for " + param.size() + " connections");
        }
        state.computeIfAbsent(param, p -> new LinkedHashMap<>()).put(name, values);
    }

    /**
     * Moves every slot of {@code param} through {@code remap}: kept entries are copied bit for bit,
     * grown entries start at zero, pruned entries are dropped. Each slot becomes a new array of
     * length {@code remap.to().nnz()}. Call it with the same remap as
     * {@link rewire.nn.SparseParam#remap}, before or after it.
     *
     * @throws IllegalArgumentException if a slot's length is not {@code remap.from().nnz()}
     */
    public void remap(Param param, Remap remap) {
        Map<String, float[]> slots = state.get(param);
        if (slots == null) {
            return;
        }
        int oldNnz = remap.from().nnz();
        slots.forEach((name, old) -> {
            if (old.length != oldNnz) {
                throw new IllegalArgumentException("slot " + name + " of " + param.name() + " has " + old.length
                        + " entries but the remap starts from a pattern with " + oldNnz);
            }
        });
        slots.replaceAll((name, old) -> remap.apply(old, 0f));
    }
}
