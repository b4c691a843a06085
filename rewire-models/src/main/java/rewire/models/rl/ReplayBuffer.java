package rewire.models.rl;

import java.util.Arrays;
import rewire.io.Checkpoint;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A first-in first-out buffer of transitions {@code (s, a, r, s', terminated)}: once full, each
 * new transition replaces the oldest. Sampling draws indices uniformly with replacement (as
 * Stable-Baselines3 and CleanRL do). Only termination stops bootstrapping; a transition cut by the
 * time limit stores its real next observation and bootstraps from it.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int observationSize;
    private final int actionSize;
    private final float[] observations;
    private final float[] actions;
    private final float[] rewards;
    private final float[] nextObservations;
    private final float[] terminated;
    private int next;
    private int size;

    public ReplayBuffer(int capacity, int observationSize, int actionSize) {
        if (capacity < 1 || observationSize < 1 || actionSize < 1) {
            throw new IllegalArgumentException("a replay buffer needs capacity, observation and action sizes >= 1, got "
                    + capacity + ", " + observationSize + ", " + actionSize);
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.observations = new float[capacity * observationSize];
        this.actions = new float[capacity * actionSize];
        this.rewards = new float[capacity];
        this.nextObservations = new float[capacity * observationSize];
        this.terminated = new float[capacity];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Stores one transition (the arrays are copied). */
    public void add(float[] observation, float[] action, double reward, float[] nextObservation, boolean isTerminal) {
        System.arraycopy(observation, 0, observations, next * observationSize, observationSize);
        System.arraycopy(action, 0, actions, next * actionSize, actionSize);
        rewards[next] = (float) reward;
        System.arraycopy(nextObservation, 0, nextObservations, next * observationSize, observationSize);
        terminated[next] = isTerminal ? 1f : 0f;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /**
     * A batch of transitions, feature-major: observations {@code (obs, B)}, actions
     * {@code (actions, B)}, next observations {@code (obs, B)}, and per column the reward and
     * {@code 1 - terminated}.
     */
    public record Batch(Tensor observations, Tensor actions, float[] rewards, Tensor nextObservations,
                        float[] notDone) {
        public int size() {
            return rewards.length;
        }

        /** The TD target of transition {@code c}: {@code r + γ (1 − d) next}, {@code next} the next state's value. */
        public float bootstrapped(int c, double gamma, double next) {
            return (float) (rewards[c] + gamma * notDone[c] * next);
        }
    }

    /** {@code count} transitions drawn uniformly with replacement. */
    public Batch sample(int count, Rng rng) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        Tensor obs = Tensor.zeros(observationSize, count);
        Tensor act = Tensor.zeros(actionSize, count);
        Tensor nextObs = Tensor.zeros(observationSize, count);
        float[] r = new float[count];
        float[] notDone = new float[count];
        for (int b = 0; b < count; b++) {
            int i = rng.nextInt(size);
            scatter(observations, i, observationSize, obs, b, count);
            scatter(actions, i, actionSize, act, b, count);
            scatter(nextObservations, i, observationSize, nextObs, b, count);
            r[b] = rewards[i];
            notDone[b] = 1f - terminated[i];
        }
        return new Batch(obs, act, r, nextObs, notDone);
    }

    // row-major entry i of width w into column b of a (w, count) tensor
    private static void scatter(float[] from, int i, int w, Tensor to, int b, int count) {
        float[] d = to.data();
        for (int k = 0; k < w; k++) {
            d[k * count + b] = from[i * w + k];
        }
    }

    /** Writes the stored transitions and the slot order under {@code prefix}. */
    public void save(Checkpoint.Builder c, String prefix) {
        c.putInts(prefix + "order", new int[] {capacity, next, size});
        c.putFloats(prefix + "observations", Arrays.copyOf(observations, size * observationSize));
        c.putFloats(prefix + "actions", Arrays.copyOf(actions, size * actionSize));
        c.putFloats(prefix + "rewards", Arrays.copyOf(rewards, size));
        c.putFloats(prefix + "nextObservations", Arrays.copyOf(nextObservations, size * observationSize));
        c.putFloats(prefix + "terminated", Arrays.copyOf(terminated, size));
    }

    /** Reads back what {@link #save} wrote into a buffer of the same capacity and sizes. */
    public void restore(Checkpoint c, String prefix) {
        int[] order = c.ints(prefix + "order");
        if (order[0] != capacity) {
            throw new IllegalArgumentException(c.source() + ": " + prefix + " holds a buffer of " + order[0]
                    + " transitions, this one has room for " + capacity);
        }
        next = order[1];
        size = order[2];
        copy(c.floats(prefix + "observations"), observations, size * observationSize, c, prefix);
        copy(c.floats(prefix + "actions"), actions, size * actionSize, c, prefix);
        copy(c.floats(prefix + "rewards"), rewards, size, c, prefix);
        copy(c.floats(prefix + "nextObservations"), nextObservations, size * observationSize, c, prefix);
        copy(c.floats(prefix + "terminated"), terminated, size, c, prefix);
    }

    private static void copy(float[] from, float[] to, int length, Checkpoint c, String prefix) {
        if (from.length != length) {
            throw new IllegalArgumentException(c.source() + ": " + prefix + " holds " + from.length + " values where "
                    + length + " were expected");
        }
        System.arraycopy(from, 0, to, 0, length);
    }
}
