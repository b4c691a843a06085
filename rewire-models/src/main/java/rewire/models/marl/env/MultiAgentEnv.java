package rewire.models.marl.env;

/**
 * A cooperative multi-agent environment with the interface of the StarCraft Multi-Agent Challenge
 * (Samvelyan et al., "The StarCraft Multi-Agent Challenge", AAMAS 2019): a team of agents, each
 * with a partial observation and a discrete action set masked by availability, a global state for
 * centralised training, and one shared team reward.
 *
 * <p>Protocol: {@link #reset()} starts an episode; then, until a {@link Transition} reports that
 * the episode ended, read {@link #observation}, {@link #state} and {@link #availableActions} and
 * call {@link #step} with one allowed action per agent. An environment is deterministic: the same
 * construction (scenario and seed) and the same actions give the same episodes.
 */
public interface MultiAgentEnv {

    /** Number of controlled agents (dead agents stay in the count; their only action is no-op). */
    int agents();

    /** Size of each agent's discrete action set (the same for every agent). */
    int actions();

    /** Length of one agent's observation vector. */
    int observationSize();

    /** Length of the global state vector. */
    int stateSize();

    /** Steps after which an episode ends in a timeout. */
    int episodeLimit();

    /** Starts a new episode; the environment's randomness continues from its seed. */
    void reset();

    /**
     * The state of the environment's random generator between episodes: with
     * {@link #restoreRandomState} a resumed run plays the same episodes as an uninterrupted one.
     */
    long randomState();

    /** Continues the random sequence from {@code state} (a value {@link #randomState} gave); the next {@link #reset} draws from it. */
    void restoreRandomState(long state);

    /**
     * Applies one joint action and advances the environment by one step.
     *
     * @param actions one action per agent, length {@link #agents()}, each allowed by {@link #availableActions}
     * @return the team reward and whether the episode ended, and how
     * @throws IllegalArgumentException if an action is out of range or not available
     */
    Transition step(int[] actions);

    /** Writes agent {@code agent}'s observation into {@code out} (length {@link #observationSize()}). */
    void observation(int agent, float[] out);

    /** Writes the global state into {@code out} (length {@link #stateSize()}). */
    void state(float[] out);

    /** Writes which of agent {@code agent}'s actions are allowed now into {@code out} (length {@link #actions()}). */
    void availableActions(int agent, boolean[] out);

    /** The result of one {@link #step}: the shared reward and the episode's state after it. */
    record Transition(float reward, Outcome outcome) {

        /** True when the episode ended with this step (won, lost or timed out). */
        public boolean done() {
            return outcome != Outcome.RUNNING;
        }
    }

    /** How an episode stands after a step. */
    enum Outcome {
        /** The episode goes on. */
        RUNNING,
        /** Every enemy unit is dead. */
        WON,
        /** Every allied unit is dead. */
        LOST,
        /** The episode limit was reached first. */
        TIMEOUT
    }
}
