package rewire.models.rl.env;

import java.util.Arrays;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * What an environment accepts as an action, as Gymnasium's {@code spaces.Discrete} and
 * {@code spaces.Box}. Every action travels as a {@code float[]}: a discrete action is one entry
 * holding the index, so replay buffers, vectorised stepping and the agents treat both alike.
 */
public sealed interface ActionSpace {

    /** The length of an action array: 1 for a discrete space, the box's dimension otherwise. */
    int dims();

    /** A uniformly random action (Gymnasium's {@code space.sample()}), written into {@code out}. */
    void sample(Rng rng, float[] out);

    /**
     * A uniformly random action as an agent writes it ({@link #fromNormalized}): an index for a
     * discrete space, a point of {@code [-1, 1]^dims} for a box.
     */
    void sampleNormalized(Rng rng, float[] out);

    /**
     * The environment's action for an agent's {@code normalized} one: the index itself for a
     * discrete space; for a box, {@code [-1, 1]} per dimension mapped onto {@code [low, high]},
     * so tanh-squashed policies serve every box.
     */
    void fromNormalized(float[] normalized, float[] action);

    /** Rows of an action as a network reads it: one per action of a discrete space (one-hot), one per dimension of a box. */
    int inputSize();

    /** Actions {@code (dims, B)} as a network reads them, {@code (inputSize, B)}. */
    Tensor asInput(Tensor actions);

    /**
     * Checks {@code action} against the space.
     *
     * @throws IllegalArgumentException naming the environment, the action and what is valid
     */
    void check(String env, float[] action);

    /**
     * {@code n} actions {@code 0 .. n-1}.
     *
     * @param n how many actions, at least 2
     */
    record Discrete(int n) implements ActionSpace {
        public Discrete {
            if (n < 2) {
                throw new IllegalArgumentException("a discrete action space needs at least 2 actions, got " + n);
            }
        }

        @Override
        public int dims() {
            return 1;
        }

        @Override
        public void sample(Rng rng, float[] out) {
            out[0] = rng.nextInt(n);
        }

        @Override
        public void sampleNormalized(Rng rng, float[] out) {
            sample(rng, out);
        }

        @Override
        public void fromNormalized(float[] normalized, float[] action) {
            action[0] = normalized[0];
        }

        @Override
        public int inputSize() {
            return n;
        }

        /** One-hot columns. */
        @Override
        public Tensor asInput(Tensor actions) {
            int b = actions.cols();
            Tensor oneHot = Tensor.zeros(n, b);
            for (int c = 0; c < b; c++) {
                oneHot.data()[(int) actions.data()[c] * b + c] = 1f;
            }
            return oneHot;
        }

        @Override
        public void check(String env, float[] action) {
            float a = action.length == 1 ? action[0] : Float.NaN;
            if (a != Math.rint(a) || a < 0 || a >= n) {
                throw new IllegalArgumentException(env + ": action " + Arrays.toString(action)
                        + " is not one index in 0.." + (n - 1));
            }
        }

        /** The index an action array holds. */
        public int index(float[] action) {
            return (int) action[0];
        }
    }

    /**
     * Real vectors with {@code low[i] <= a[i] <= high[i]}. Environments clip what they get, as
     * Gymnasium's do; {@link #check} rejects only a wrong length or a value that is not finite.
     */
    record Box(float[] low, float[] high) implements ActionSpace {
        public Box {
            low = low.clone();
            high = high.clone();
            if (low.length == 0 || low.length != high.length) {
                throw new IllegalArgumentException("a box needs as many lower as upper bounds, at least one; got "
                        + low.length + " and " + high.length);
            }
            for (int i = 0; i < low.length; i++) {
                if (!(low[i] < high[i])) {
                    throw new IllegalArgumentException("box dimension " + i + ": low " + low[i] + " must be below high "
                            + high[i]);
                }
            }
        }

        /** The box {@code [-bound, bound]^dims}. */
        public static Box symmetric(int dims, float bound) {
            float[] low = new float[dims];
            float[] high = new float[dims];
            Arrays.fill(low, -bound);
            Arrays.fill(high, bound);
            return new Box(low, high);
        }

        @Override
        public int dims() {
            return low.length;
        }

        @Override
        public void sample(Rng rng, float[] out) {
            for (int i = 0; i < low.length; i++) {
                out[i] = low[i] + (high[i] - low[i]) * rng.nextFloat();
            }
        }

        @Override
        public void sampleNormalized(Rng rng, float[] out) {
            for (int i = 0; i < low.length; i++) {
                out[i] = 2 * rng.nextFloat() - 1;
            }
        }

        @Override
        public void fromNormalized(float[] normalized, float[] action) {
            for (int i = 0; i < low.length; i++) {
                action[i] = fromUnit(i, normalized[i]);
            }
        }

        @Override
        public int inputSize() {
            return low.length;
        }

        /** The actions themselves. */
        @Override
        public Tensor asInput(Tensor actions) {
            return actions;
        }

        @Override
        public void check(String env, float[] action) {
            if (action.length != low.length) {
                throw new IllegalArgumentException(env + ": action " + Arrays.toString(action) + " has "
                        + action.length + " values, the box has " + low.length);
            }
            for (float a : action) {
                if (!Float.isFinite(a)) {
                    throw new IllegalArgumentException(env + ": action " + Arrays.toString(action) + " is not finite");
                }
            }
        }

        /** Maps {@code u} in {@code [-1, 1]} (a tanh-squashed policy output) onto {@code [low, high]}. */
        public float fromUnit(int i, float u) {
            return low[i] + 0.5f * (u + 1f) * (high[i] - low[i]);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
        }

        @Override
        public String toString() {
            return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high) + ")";
        }
    }
}
