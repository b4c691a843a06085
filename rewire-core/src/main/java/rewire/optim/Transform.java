package rewire.optim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import rewire.nn.Param;

/**
 * One stage of an optimizer, in the style of optax: a transform turns each parameter's gradient
 * into an update, and transforms compose with {@link Optim#chain}. Build them with the factories
 * of {@link Optim}.
 *
 * <p><b>Where the update lives.</b> In place, in {@link Param#grad()}: on entry it holds what the
 * previous stage left (the raw gradient for the first stage), on return this stage's output. After
 * the last stage it is the step to <em>add</em> to the values, {@code w += update}, which
 * {@link Optim#applyUpdates} does; the learning rate and its sign enter through
 * {@link Optim#scaleByLearningRate}. So after an optimizer step the gradient arrays no longer hold
 * gradients: anything that needs the raw gradients must read them before.
 *
 * <p><b>Where the state lives.</b> Every per-connection array a transform keeps is a named slot
 * in the {@link Slots} it is given, aligned with the parameter's values; a transform holds no
 * mutable state of its own. When the DST engine changes a sparse parameter's topology it calls
 * {@link Slots#remap}, which moves that state too; a checkpoint saves the slots and the step.
 * Scalar state (such as Adam's step count) is derived from the step, never stored.
 *
 * <p>A slot that readers outside the optimizer may need (the momentum SNFS grows by) has a
 * {@link SlotRole}, declared by {@link #slotRoles()} and registered in the {@link Slots} by
 * {@link #init}, so that {@link Slots#find} finds it by role, never by name.
 *
 * <p><b>Call order.</b>
 * <ol>
 *   <li>{@link #init} once, to create the slots (as zeros) and register their roles, before the
 *       first step or around restoring slots from a checkpoint (existing slots are kept);
 *       {@link #update} creates missing slots lazily, but only {@link #init} registers roles;</li>
 *   <li>each step {@code t = 0, 1, 2, ...}: backward fills the gradients, then
 *       {@link #update}{@code (params, slots, t)}, then {@link Optim#applyUpdates}{@code (params)}
 *       (or both at once with {@link Optim#step}), then the gradients are cleared before the next
 *       backward;</li>
 *   <li>between steps, a topology change moves every {@link rewire.nn.SparseParam} and its
 *       {@link Slots} through the same {@link rewire.sparse.Remap}.</li>
 * </ol>
 * Always pass the same {@code Param} objects and the same {@code Slots}; steps count from 0 and
 * a transform may use the step (Adam's bias correction, learning-rate schedules), so a resumed
 * run passes the step it stopped at. The cost of an update is O(connections): a sparse
 * parameter's arrays have one entry per stored connection, and only those are touched.
 */
public interface Transform {

    /**
     * Turns the gradient in each {@code params.get(i).grad()} into this stage's update, in place.
     *
     * @param params the parameters, in the same order at every step
     * @param slots the per-connection state of all parameters
     * @param step the 0-based training step
     */
    void update(List<Param> params, Slots slots, long step);

    /** The names of the slots this transform keeps per parameter; none by default. */
    default List<String> slotNames() {
        return List.of();
    }

    /** The roles of the slots that have one, by slot name (a subset of {@link #slotNames()}); none by default. */
    default Map<String, SlotRole> slotRoles() {
        return Map.of();
    }

    /** How this transform moves its {@link SlotRole} moments with each update, if it keeps any. */
    default Optional<MomentRule> momentRule() {
        return Optional.empty();
    }

    /**
     * Creates this transform's slots for {@code params} as zeros (existing slots are kept) and
     * registers their {@link #slotRoles()} with {@code slots}.
     */
    default void init(List<Param> params, Slots slots) {
        slotRoles().forEach(slots::assignRole);
        for (Param param : params) {
            for (String name : slotNames()) {
                slots.get(param, name);
            }
        }
    }
}
