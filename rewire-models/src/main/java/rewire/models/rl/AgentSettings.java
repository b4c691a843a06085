package rewire.models.rl;

/**
 * The learner section of an RL run; defaults are SAC's common settings (Haarnoja et al., 2018;
 * CleanRL) scaled to short CPU runs where noted.
 *
 * @param algorithm     the learning algorithm; DQN needs a discrete task, SAC and TD3 a continuous one
 * @param gamma         discount (0.99)
 * @param batchSize     transitions per gradient update (256)
 * @param replaySize    replay capacity in transitions (100,000; 1,000,000 in the papers)
 * @param startSteps    environment steps of uniformly random actions before learning starts (1,000;
 *                      5,000 in CleanRL's SAC)
 * @param stepsPerEpoch training steps between evaluations; a training step is one vector step of the
 *                      environments and one update of every module (TD3: {@code td3.policyDelay} of each)
 * @param tau           the Polyak rate of the target networks (0.005)
 * @param rewardWeight  weight of the reward prediction in the encoder's objective, beside the latent
 *                      dynamics (1)
 * @param latent        size of the encoder's latent state, which the critic and actor read (64)
 */
public record AgentSettings(Algorithm algorithm, double gamma, int batchSize, int replaySize, long startSteps,
                            long stepsPerEpoch, double tau, double rewardWeight, int latent) {

    /** The learning algorithms ({@code agent.algorithm}). */
    public enum Algorithm {
        /** DQN (Mnih et al., 2015) with double Q-learning (van Hasselt et al., 2016) and a target network. */
        DQN,
        /** Soft actor-critic with a learned temperature (Haarnoja et al., 2018). */
        SAC,
        /** TD3 (Fujimoto et al., 2018): twin critics, delayed policy updates, target policy smoothing. */
        TD3
    }

    public AgentSettings {
        if (algorithm == null) {
            throw new IllegalArgumentException("agent.algorithm must be set: dqn, sac or td3");
        }
        if (!(gamma >= 0 && gamma < 1) || !(tau > 0 && tau <= 1) || !(rewardWeight >= 0)) {
            throw new IllegalArgumentException("agent: need gamma in [0, 1), tau in (0, 1], rewardWeight >= 0; got "
                    + gamma + ", " + tau + ", " + rewardWeight);
        }
        if (batchSize < 1 || replaySize < batchSize || startSteps < 0 || stepsPerEpoch < 1 || latent < 1) {
            throw new IllegalArgumentException("agent: need batchSize, stepsPerEpoch, latent >= 1, replaySize >= "
                    + "batchSize and startSteps >= 0; got " + batchSize + ", " + stepsPerEpoch + ", " + latent + ", "
                    + replaySize + ", " + startSteps);
        }
    }

    public static AgentSettings defaults() {
        return new AgentSettings(Algorithm.SAC, 0.99, 256, 100_000, 1000, 1000, 0.005, 1, 64);
    }
}
