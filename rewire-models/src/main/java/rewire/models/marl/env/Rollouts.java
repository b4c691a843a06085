package rewire.models.marl.env;

/**
 * Plays whole episodes of a {@link MultiAgentEnv} with a fixed team policy and averages what
 * happened: the one loop behind the random baseline, the heuristic baseline and the speed probe.
 */
public final class Rollouts {
    private Rollouts() {
    }

    /** Chooses the team's joint action for the environment's current step. */
    @FunctionalInterface
    public interface TeamPolicy {

        /** Writes one allowed action per agent into {@code actions} (length {@code env.agents()}). */
        void act(MultiAgentEnv env, int[] actions);
    }

    /**
     * Mean results over played episodes.
     *
     * @param meanReturn mean undiscounted episode return
     * @param winRate    fraction of episodes won
     * @param meanSteps  mean episode length in agent steps
     * @param episodes   episodes played
     */
    public record Result(double meanReturn, double winRate, double meanSteps, int episodes) {
    }

    /** Plays {@code episodes} episodes of {@code env}, resetting it before each, with {@code policy}. */
    public static Result play(MultiAgentEnv env, int episodes, TeamPolicy policy) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be positive, got " + episodes);
        }
        double returns = 0;
        double steps = 0;
        int wins = 0;
        int[] actions = new int[env.agents()];
        for (int e = 0; e < episodes; e++) {
            env.reset();
            MultiAgentEnv.Transition t;
            do {
                policy.act(env, actions);
                t = env.step(actions);
                returns += t.reward();
                steps++;
            } while (!t.done());
            wins += t.outcome() == MultiAgentEnv.Outcome.WON ? 1 : 0;
        }
        return new Result(returns / episodes, (double) wins / episodes, steps / episodes, episodes);
    }
}
