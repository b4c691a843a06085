package rewire.models.marl.env;

import rewire.tensor.Rng;

/**
 * The random baseline learners are compared with: every agent picks uniformly among its available
 * actions at every step.
 */
public final class RandomPolicy {
    private RandomPolicy() {
    }

    /** Plays {@code episodes} episodes of {@code env} (resetting it first) with uniform random actions from {@code rng}. */
    public static Rollouts.Result evaluate(MultiAgentEnv env, int episodes, Rng rng) {
        return Rollouts.play(env, episodes, of(env, rng));
    }

    /** The random team policy for {@code env}: each agent picks uniformly among its available actions. */
    public static Rollouts.TeamPolicy of(MultiAgentEnv env, Rng rng) {
        boolean[] mask = new boolean[env.actions()];
        return (e, actions) -> {
            for (int a = 0; a < actions.length; a++) {
                e.availableActions(a, mask);
                actions[a] = pick(mask, rng);
            }
        };
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
