package rewire.models.rl;

/**
 * TD3's settings (Fujimoto et al., "Addressing Function Approximation Error in Actor-Critic
 * Methods", ICML 2018), in units of the action range {@code [-1, 1]}.
 *
 * @param policyDelay      critic updates per actor (and target) update (2)
 * @param targetNoise      standard deviation of the target policy's smoothing noise (0.2)
 * @param noiseClip        bound of that noise (0.5)
 * @param explorationNoise standard deviation of the Gaussian noise on acting (0.1)
 */
public record Td3Settings(int policyDelay, double targetNoise, double noiseClip, double explorationNoise) {

    public Td3Settings {
        if (policyDelay < 1 || targetNoise < 0 || noiseClip < 0 || explorationNoise < 0) {
            throw new IllegalArgumentException("td3: need policyDelay >= 1 and non-negative noises, got " + policyDelay
                    + ", " + targetNoise + ", " + noiseClip + ", " + explorationNoise);
        }
    }

    public static Td3Settings defaults() {
        return new Td3Settings(2, 0.2, 0.5, 0.1);
    }
}
