package rewire.models.rl.env;

import java.util.Arrays;
import rewire.tensor.Rng;

/**
 * One environment: a task's {@link Dynamics} with Gymnasium's episode rules around it. An episode
 * starts with {@link #reset}; {@link #step} checks the action, advances the physics and reports
 * the reward, whether the task terminated (a terminal state: bootstrapping stops) and whether the
 * time limit truncated it (Gymnasium's {@code TimeLimit} wrapper, gymnasium/wrappers/common.py:
 * truncated once {@code max_episode_steps} steps are done, also on a step that terminates). Stepping
 * a finished episode is an error, where Gymnasium only warns.
 *
 * <p>Seeded and deterministic: every starting state comes from the environment's own generator,
 * whose state {@link #snapshot} saves with the physics, so a restored environment continues the
 * same episodes bit for bit.
 */
public final class ControlEnv {
    private final Dynamics dynamics;
    private final double[] state;
    private Rng rng;
    private int elapsed;
    private boolean started;
    private boolean done;

    public ControlEnv(Dynamics dynamics, long seed) {
        this.dynamics = dynamics;
        this.state = new double[dynamics.stateSize()];
        this.rng = new Rng(seed);
    }

    /** What one step did. */
    public record Outcome(double reward, boolean terminated, boolean truncated) {
        /** Whether the episode ended (terminated or truncated). */
        public boolean done() {
            return terminated || truncated;
        }
    }

    public Dynamics dynamics() {
        return dynamics;
    }

    public int observationSize() {
        return dynamics.observationSize();
    }

    public ActionSpace actions() {
        return dynamics.actions();
    }

    /** Steps taken in the current episode. */
    public int elapsed() {
        return elapsed;
    }

    /** Starts an episode and writes its first observation into {@code observation}. */
    public void reset(float[] observation) {
        dynamics.reset(rng, state);
        elapsed = 0;
        started = true;
        done = false;
        dynamics.observe(state, observation);
    }

    /**
     * One step under {@code action}; writes the next observation into {@code observation}.
     *
     * @throws IllegalStateException before the first reset or after the episode ended
     * @throws IllegalArgumentException for an action outside the action space
     */
    public Outcome step(float[] action, float[] observation) {
        if (!started || done) {
            throw new IllegalStateException(dynamics.id() + ": " + (started ? "the episode ended" : "no episode yet")
                    + "; call reset() before step()");
        }
        dynamics.actions().check(dynamics.id(), action);
        double reward = dynamics.step(state, action);
        boolean terminated = dynamics.terminated(state);
        elapsed++;
        boolean truncated = elapsed >= dynamics.episodeLimit();
        done = terminated || truncated;
        dynamics.observe(state, observation);
        return new Outcome(reward, terminated, truncated);
    }

    /** A drawing of the current state. */
    public Scene scene() {
        return dynamics.scene(state);
    }

    /** Everything that decides what this environment does next. */
    public Snapshot snapshot() {
        return new Snapshot(state.clone(), rng.state(), elapsed, started, done);
    }

    /** Continues from a {@link #snapshot} of an environment of the same task. */
    public void restore(Snapshot s) {
        if (s.state().length != state.length) {
            throw new IllegalArgumentException(dynamics.id() + ": a snapshot of " + s.state().length
                    + " state values, this task has " + state.length);
        }
        System.arraycopy(s.state(), 0, state, 0, state.length);
        rng = Rng.fromState(s.rng());
        elapsed = s.elapsed();
        started = s.started();
        done = s.done();
    }

    /**
     * The whole state of an environment.
     *
     * @param state   the physics
     * @param rng     the generator's state
     * @param elapsed steps of the current episode
     * @param started whether an episode was ever started
     * @param done    whether the current episode ended
     */
    public record Snapshot(double[] state, long rng, int elapsed, boolean started, boolean done) {

        /** Text with every double in its exact decimal form: "rng elapsed started done s0 s1 ...". */
        public String encode() {
            StringBuilder b = new StringBuilder().append(rng).append(' ').append(elapsed).append(' ')
                    .append(started ? 1 : 0).append(' ').append(done ? 1 : 0);
            for (double v : state) {
                b.append(' ').append(v);
            }
            return b.toString();
        }

        /** Reads {@link #encode}'s text. */
        public static Snapshot decode(String text) {
            String[] f = text.trim().split(" ");
            if (f.length < 4) {
                throw new IllegalArgumentException("environment snapshot '" + text + "' has " + f.length
                        + " fields, at least 4 expected");
            }
            double[] state = Arrays.stream(f, 4, f.length).mapToDouble(Double::parseDouble).toArray();
            return new Snapshot(state, Long.parseLong(f[0]), Integer.parseInt(f[1]), f[2].equals("1"),
                    f[3].equals("1"));
        }
    }
}
