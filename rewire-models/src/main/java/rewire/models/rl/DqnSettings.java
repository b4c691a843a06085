package rewire.models.rl;

/**
 * DQN's exploration and target network (Mnih et al., 2015; CleanRL's dqn.py for the defaults).
 *
 * @param epsilonStart      exploration rate at the start (1)
 * @param epsilonFinish     exploration rate after the anneal (0.05)
 * @param epsilonSteps      environment steps of the linear anneal (10,000)
 * @param targetUpdateEvery training steps between hard target updates (500); 0 uses Polyak
 *                          averaging at {@code agent.tau} every step instead
 */
public record DqnSettings(double epsilonStart, double epsilonFinish, long epsilonSteps, long targetUpdateEvery) {

    public DqnSettings {
        new EpsilonSchedule(epsilonStart, epsilonFinish, epsilonSteps);
        if (targetUpdateEvery < 0) {
            throw new IllegalArgumentException("dqn.targetUpdateEvery must be >= 0, got " + targetUpdateEvery);
        }
    }

    public static DqnSettings defaults() {
        return new DqnSettings(1, 0.05, 10_000, 500);
    }

    /** The exploration schedule over environment steps. */
    public EpsilonSchedule epsilon() {
        return new EpsilonSchedule(epsilonStart, epsilonFinish, epsilonSteps);
    }
}
