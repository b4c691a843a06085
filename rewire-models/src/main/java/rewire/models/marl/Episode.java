package rewire.models.marl;

import java.util.Arrays;
import rewire.models.marl.env.MultiAgentEnv;

/**
 * One recorded episode of {@code T} steps: the observations, states and available actions at the
 * {@code T + 1} decision points {@code 0 … T} (the last one is where the episode ended and only
 * feeds the bootstrap), the joint actions and team rewards of steps {@code 0 … T−1}, and how it
 * ended. An episode that ended in a win or a loss is terminal (no bootstrap after its last step);
 * one that hit the time limit is not, since the game would have gone on.
 */
public final class Episode {
    private final Dims dims;
    private final int length;
    private final float[] observations;
    private final float[] states;
    private final boolean[] available;
    private final int[] actions;
    private final float[] rewards;
    private final MultiAgentEnv.Outcome outcome;

    /** The sizes every episode of one environment shares. */
    public record Dims(int agents, int actions, int observationSize, int stateSize) {
        public Dims {
            if (agents < 1 || actions < 1 || observationSize < 1 || stateSize < 1) {
                throw new IllegalArgumentException("episode sizes must be positive: " + agents + " agents, " + actions
                        + " actions, observation " + observationSize + ", state " + stateSize);
            }
        }

        public static Dims of(MultiAgentEnv env) {
            return new Dims(env.agents(), env.actions(), env.observationSize(), env.stateSize());
        }
    }

    private Episode(Dims dims, int length, float[] observations, float[] states, boolean[] available, int[] actions,
                    float[] rewards, MultiAgentEnv.Outcome outcome) {
        this.dims = dims;
        this.length = length;
        this.observations = observations;
        this.states = states;
        this.available = available;
        this.actions = actions;
        this.rewards = rewards;
        this.outcome = outcome;
    }

    public Dims dims() {
        return dims;
    }

    /** Steps taken, T. */
    public int length() {
        return length;
    }

    public MultiAgentEnv.Outcome outcome() {
        return outcome;
    }

    /** Whether the last step ended the game (won or lost), so nothing is bootstrapped after it. */
    public boolean terminal() {
        return outcome == MultiAgentEnv.Outcome.WON || outcome == MultiAgentEnv.Outcome.LOST;
    }

    public boolean won() {
        return outcome == MultiAgentEnv.Outcome.WON;
    }

    /** The undiscounted team return. */
    public double totalReward() {
        double sum = 0;
        for (float r : rewards) {
            sum += r;
        }
        return sum;
    }

    public float reward(int t) {
        return rewards[t];
    }

    public int action(int t, int agent) {
        return actions[t * dims.agents() + agent];
    }

    /** Observation {@code o} of {@code agent} at decision point {@code t ∈ [0, T]}. */
    public float observation(int t, int agent, int o) {
        return observations[(t * dims.agents() + agent) * dims.observationSize() + o];
    }

    public float state(int t, int s) {
        return states[t * dims.stateSize() + s];
    }

    public boolean available(int t, int agent, int action) {
        return available[(t * dims.agents() + agent) * dims.actions() + action];
    }

    /** The episode's arrays end to end, in a fixed order, for checkpoints ({@link EpisodeBuffer#save}). */
    Parts parts() {
        return new Parts(length, outcome.ordinal(), observations, states, available, actions, rewards);
    }

    /** An episode from {@link #parts()}; the array lengths must match {@code dims} and the length. */
    static Episode of(Dims dims, Parts p) {
        int n = dims.agents();
        int points = p.length() + 1;
        if (p.observations().length != points * n * dims.observationSize()
                || p.states().length != points * dims.stateSize()
                || p.available().length != points * n * dims.actions() || p.actions().length != p.length() * n
                || p.rewards().length != p.length()) {
            throw new IllegalArgumentException("episode arrays do not match an episode of " + p.length() + " steps of "
                    + dims);
        }
        return new Episode(dims, p.length(), p.observations(), p.states(), p.available(), p.actions(), p.rewards(),
                MultiAgentEnv.Outcome.values()[p.outcome()]);
    }

    /** The raw content of one episode. */
    record Parts(int length, int outcome, float[] observations, float[] states, boolean[] available, int[] actions,
                 float[] rewards) {
    }

    /** Records an episode as it is played: {@link #start}, then one {@link #step} per step, then {@link #finish}. */
    public static final class Recorder {
        private final Dims dims;
        private float[] observations;
        private float[] states;
        private boolean[] available;
        private int[] actions;
        private float[] rewards;
        private int length;
        private MultiAgentEnv.Outcome outcome = MultiAgentEnv.Outcome.RUNNING;
        private final float[] obsBuffer;
        private final boolean[] availBuffer;

        public Recorder(Dims dims, int expectedLength) {
            this.dims = dims;
            int cap = Math.max(1, expectedLength);
            observations = new float[(cap + 1) * dims.agents() * dims.observationSize()];
            states = new float[(cap + 1) * dims.stateSize()];
            available = new boolean[(cap + 1) * dims.agents() * dims.actions()];
            actions = new int[cap * dims.agents()];
            rewards = new float[cap];
            obsBuffer = new float[dims.observationSize()];
            availBuffer = new boolean[dims.actions()];
        }

        /** Records decision point {@code length} (0 after reset) from the environment. */
        public void observe(MultiAgentEnv env) {
            ensureCapacity(length + 1);
            int n = dims.agents();
            for (int i = 0; i < n; i++) {
                env.observation(i, obsBuffer);
                System.arraycopy(obsBuffer, 0, observations, (length * n + i) * dims.observationSize(),
                        dims.observationSize());
                env.availableActions(i, availBuffer);
                System.arraycopy(availBuffer, 0, available, (length * n + i) * dims.actions(), dims.actions());
            }
            float[] state = new float[dims.stateSize()];
            env.state(state);
            System.arraycopy(state, 0, states, length * dims.stateSize(), dims.stateSize());
        }

        /** Whether {@code agent} may take {@code action} at the current decision point. */
        public boolean available(int agent, int action) {
            return available[(length * dims.agents() + agent) * dims.actions() + action];
        }

        /** Records the joint action taken at the current decision point and its result. */
        public void step(int[] jointActions, MultiAgentEnv.Transition result) {
            if (outcome != MultiAgentEnv.Outcome.RUNNING) {
                throw new IllegalStateException("the episode already ended: " + outcome);
            }
            System.arraycopy(jointActions, 0, actions, length * dims.agents(), dims.agents());
            rewards[length] = result.reward();
            outcome = result.outcome();
            length++;
        }

        public int length() {
            return length;
        }

        public Episode finish() {
            if (outcome == MultiAgentEnv.Outcome.RUNNING || length == 0) {
                throw new IllegalStateException("an episode is finished only after its last step");
            }
            int n = dims.agents();
            return new Episode(dims, length,
                    Arrays.copyOf(observations, (length + 1) * n * dims.observationSize()),
                    Arrays.copyOf(states, (length + 1) * dims.stateSize()),
                    Arrays.copyOf(available, (length + 1) * n * dims.actions()),
                    Arrays.copyOf(actions, length * n), Arrays.copyOf(rewards, length), outcome);
        }

        private void ensureCapacity(int points) {
            int steps = rewards.length;
            if (points <= steps) {
                return;
            }
            int grown = Math.max(points, 2 * steps);
            int n = dims.agents();
            observations = Arrays.copyOf(observations, (grown + 1) * n * dims.observationSize());
            states = Arrays.copyOf(states, (grown + 1) * dims.stateSize());
            available = Arrays.copyOf(available, (grown + 1) * n * dims.actions());
            actions = Arrays.copyOf(actions, grown * n);
            rewards = Arrays.copyOf(rewards, grown);
        }
    }
}
