package rewire.models.marl.env;

import rewire.tensor.Rng;

/**
 * The random baseline learners are compared with: every agent picks uniformly among its available
 * actions at every step.
 */
public final class RandomPolicy {
    private RandomPolicy() {
    }

    /**
     * Mean results of a random policy.
     *
     * @param meanReturn mean undiscounted episode return
     * @param winRate fraction of episodes won
     * @param meanSteps mean episode length in agent steps
     * @param episodes episodes played
     */
    public record Result(double meanReturn, double winRate, double meanSteps, int episodes) {
    }

    /** Plays {@code episodes} episodes of {@code env} (resetting it first) with uniform random actions from {@code rng}. */
    public static Result evaluate(MultiAgentEnv env, int episodes, Rng rng) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be positive, got " + episodes);
        }
        double returns = 0;
        double steps = 0;
        int wins = 0;
        boolean[] mask = new boolean[env.actions()];
        int[] actions = new int[env.agents()];
        for (int e = 0; e < episodes; e++) {
            env.reset();
            MultiAgentEnv.Transition t;
            do {
                for (int a = 0; a < actions.length; a++) {
                    env.availableActions(a, mask);
                    actions[a] = pick(mask, rng);
                }
                t = env.step(actions);
                returns += t.reward();
                steps++;
            } while (!t.done());
            wins += t.outcome() == MultiAgentEnv.Outcome.WON ? 1 : 0;
        }
        return new Result(returns / episodes, (double) wins / episodes, steps / episodes, episodes);
    }

    /** A uniformly random allowed index of {@code mask}. */
    static int pick(boolean[] mask, Rng rng) {
        int allowed = 0;
        for (boolean m : mask) {
            allowed += m ? 1 : 0;
        }
        if (allowed == 0) {
            throw new IllegalStateException("no action is available");
        }
        int choice = rng.nextInt(allowed);
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] && choice-- == 0) {
                return i;
            }
        }
        throw new AssertionError();
    }
}
