package rewire.models.rl;

/**
 * Epsilon of epsilon-greedy exploration, annealed linearly from {@code start} to {@code finish}
 * over {@code annealSteps} environment steps and constant after (pymarl: 1.0 → 0.05 over 50,000;
 * DQN, Mnih et al. 2015: 1.0 → 0.1 over the first million frames). Shared by the multi-agent
 * learners and DQN.
 */
public record EpsilonSchedule(double start, double finish, long annealSteps) {

    public EpsilonSchedule {
        if (!(start >= 0 && start <= 1 && finish >= 0 && finish <= 1) || annealSteps < 0) {
            throw new IllegalArgumentException("epsilon needs start and finish in [0, 1] and annealSteps >= 0, got "
                    + start + ", " + finish + ", " + annealSteps);
        }
    }

    public static EpsilonSchedule pymarl() {
        return new EpsilonSchedule(1.0, 0.05, 50_000);
    }

    /** Epsilon after {@code envSteps} environment steps. */
    public double at(long envSteps) {
        if (annealSteps == 0 || envSteps >= annealSteps) {
            return finish;
        }
        return start + (finish - start) * envSteps / annealSteps;
    }
}
