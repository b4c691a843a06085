package rewire.train;

import rewire.io.Checkpoint;

/**
 * Something that runs alongside training: rewiring, metrics, evaluation, checkpoints, progress.
 *
 * <p>Call order: {@link #onStart} once (after a resume, after {@link #restore}); per step
 * {@link #beforeStep} before the workload's step (gradients cleared); inside the step, for every
 * group update the workload asks for, {@link #beforeUpdate} (the group's gradients are this
 * step's), then the group's optimizer step unless a hook asked to skip it, then
 * {@link #afterUpdate}; after the step {@link #afterStep}; {@link #onEnd} once when training
 * finishes, stops or fails. Hooks run in the order they were given to the trainer. A hook that
 * keeps state across steps saves it in {@link #save} and reads it back in {@link #restore}, so a
 * resumed run continues exactly.
 */
public interface Hook {

    default void onStart(TrainState state) {
    }

    /** Runs before the workload's step (gradients are already cleared). */
    default void beforeStep(TrainState state) {
    }

    /**
     * Runs between a group's backward and its optimizer step.
     *
     * @return true to skip this optimizer step (some DST methods skip it at update steps)
     */
    default boolean beforeUpdate(TrainState state, ParamGroup group) {
        return false;
    }

    /** Runs after a group's optimizer step (or after it was skipped). */
    default void afterUpdate(TrainState state, ParamGroup group) {
    }

    default void afterStep(TrainState state, StepResult result) {
    }

    /**
     * Training ended.
     *
     * @param failure null when it finished or was stopped, otherwise what stopped it
     */
    default void onEnd(TrainState state, Throwable failure) {
    }

    /** Writes this hook's state into a checkpoint under names that start with a prefix of its own. */
    default void save(Checkpoint.Builder checkpoint) {
    }

    /** Reads back what {@link #save} wrote. */
    default void restore(Checkpoint checkpoint) {
    }
}
