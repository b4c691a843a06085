package rewire.models.rl.env;

import rewire.tensor.Rng;

/**
 * The physics and reward of one control task, as a Gymnasium environment's {@code reset} and
 * {@code step} without the episode bookkeeping: a state of doubles (Gymnasium keeps float64
 * states), advanced in place, and the float observation an agent sees. {@link ControlEnv} adds
 * the time limit, the random generator and the checks, so each task is only its equations.
 *
 * <p>Call order: {@link #reset}, then {@link #step} and {@link #terminated} until terminated or
 * the episode limit; {@link #observe} and {@link #scene} at any time.
 */
public interface Dynamics {

    /**
     * What a task is apart from its equations, stated once a task: the id, the sizes, the actions
     * and the time limit that {@link ControlEnv} sizes its arrays and applies its episode rules by
     * (each read through the method of the same name below).
     */
    record Spec(String id, int stateSize, int observationSize, ActionSpace actions, int episodeLimit) {
    }

    /** The task's id, sizes, actions and time limit. */
    Spec spec();

    /** The Gymnasium id of the task this follows ("CartPole-v1"), or a name of ours when it follows none. */
    default String id() {
        return spec().id();
    }

    /** Length of the state array. */
    default int stateSize() {
        return spec().stateSize();
    }

    /** Length of an observation. */
    default int observationSize() {
        return spec().observationSize();
    }

    default ActionSpace actions() {
        return spec().actions();
    }

    /** Gymnasium's {@code max_episode_steps}: steps after which the time limit truncates an episode. */
    default int episodeLimit() {
        return spec().episodeLimit();
    }

    /** Draws a starting state into {@code state}. */
    void reset(Rng rng, double[] state);

    /**
     * Advances {@code state} by one step under {@code action} (already checked against
     * {@link #actions()}) and returns the step's reward, which may depend on whether the step
     * terminates the episode.
     */
    double step(double[] state, float[] action);

    /** Whether {@code state} ends the episode (a terminal state of the MDP, not the time limit). */
    boolean terminated(double[] state);

    /** Writes the observation of {@code state} into {@code observation}. */
    void observe(double[] state, float[] observation);

    /** A drawing of {@code state}, for text and image renderings of episodes. */
    Scene scene(double[] state);
}
