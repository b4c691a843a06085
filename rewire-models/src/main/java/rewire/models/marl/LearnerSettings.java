package rewire.models.marl;

import rewire.models.rl.EpsilonSchedule;

/**
 * The Q-learner's settings; defaults are pymarl's QMIX configuration for SMAC unless noted.
 *
 * @param batchSize          episodes per gradient update (32)
 * @param gamma              discount (0.99)
 * @param targetUpdateEpisodes episodes between hard target updates (200)
 * @param bufferEpisodes     replay capacity in episodes (5000); the large buffer under MAST
 * @param epsilonStart       initial exploration rate (1.0)
 * @param epsilonFinish      final exploration rate (0.05)
 * @param epsilonAnnealSteps environment steps of the linear anneal (50,000)
 * @param targets            the return the Q-learner regresses on (pymarl QMIX: one-step; pymarl2: TD(λ))
 * @param nSteps             n of the n-step return (3; a choice, pymarl has none)
 * @param lambda             λ of the TD(λ) return (0.6, pymarl2)
 * @param doubleQ            double Q-learning (pymarl's default true)
 * @param evalEpisodes       greedy episodes per evaluation (32, pymarl's test_nepisode)
 * @param episodesPerEpoch   training episodes (= gradient updates) per epoch of the run; an epoch
 *                           is the interval between evaluations when train.evalEvery is 0
 */
public record LearnerSettings(int batchSize, double gamma, int targetUpdateEpisodes, int bufferEpisodes,
                              double epsilonStart, double epsilonFinish, long epsilonAnnealSteps,
                              TdTargets.Kind targets, int nSteps, double lambda, boolean doubleQ, int evalEpisodes,
                              int episodesPerEpoch) {

    public LearnerSettings {
        if (batchSize < 1 || targetUpdateEpisodes < 1 || bufferEpisodes < batchSize || evalEpisodes < 1
                || episodesPerEpoch < 1) {
            throw new IllegalArgumentException("learner: need batchSize, targetUpdateEpisodes, evalEpisodes, "
                    + "episodesPerEpoch >= 1 and bufferEpisodes >= batchSize; got " + batchSize + ", "
                    + targetUpdateEpisodes + ", " + evalEpisodes + ", " + episodesPerEpoch + ", " + bufferEpisodes);
        }
        if (targets == null) {
            throw new IllegalArgumentException("learner.targets must be set");
        }
        new EpsilonSchedule(epsilonStart, epsilonFinish, epsilonAnnealSteps);
        new TdTargets(targets, gamma, nSteps, lambda);
    }

    public static LearnerSettings defaults() {
        return new LearnerSettings(32, 0.99, 200, 5000, 1.0, 0.05, 50_000, TdTargets.Kind.ONESTEP, 3, 0.6, true, 32,
                100);
    }

    public EpsilonSchedule epsilon() {
        return new EpsilonSchedule(epsilonStart, epsilonFinish, epsilonAnnealSteps);
    }

    /** The targets named by {@link #targets}. */
    public TdTargets tdTargets() {
        return switch (targets) {
            case ONESTEP -> TdTargets.oneStep(gamma);
            case NSTEP -> TdTargets.nStep(gamma, nSteps);
            case LAMBDA -> TdTargets.lambda(gamma, lambda);
        };
    }
}
