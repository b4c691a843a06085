package rewire.train;

import rewire.io.Checkpoint;

/**
 * Something that runs alongside training: rewiring, metrics, evaluation, checkpoints, progress.
 *
 * <p>Call order: {@link #onStart} once (after a resume, after {@link #restore}); per step
 * {@link #beforeStep} before the forward pass, {@link #beforeOptimizerStep} after backward (gradients are the raw gradients of this step), then
 * the optimizer step, then {@link #afterStep}; {@link #onEnd} once when training finishes or
 * fails. Hooks run in the order they were given to the trainer. A hook that keeps state across
 * steps saves it in {@link #save} and reads it back in {@link #restore}, so a resumed run
 * continues exactly.
 */
public interface Hook {

    default void onStart(TrainState state) {
    }

    /** Runs before the step's forward pass (gradients are already cleared). */
    default void beforeStep(TrainState state) {
    }

    /**
     * Runs between backward and the optimizer step.
     *
     * @return true to skip this step's optimizer update (some DST methods skip it at update steps)
     */
    default boolean beforeOptimizerStep(TrainState state, StepOutput out) {
        return false;
    }

    default void afterStep(TrainState state, StepOutput out) {
    }

    /**
     * Training ended.
     *
     * @param failure null on success, otherwise what stopped the run
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
