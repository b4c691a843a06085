package rewire.models.marl;

/**
 * Bootstrapped regression targets over whole episodes: one-step, n-step and TD(λ) returns
 * (Sutton and Barto, "Reinforcement Learning: An Introduction", 2nd ed., Ch. 7 and 12).
 *
 * <p>Inputs per batch, with per-sample index {@code t·B + b}: rewards and masks for
 * {@code t < T}, and bootstrap values {@code V̂} for decision points {@code t ≤ T} (the target
 * mixer's value of the next state). After the last step of episode {@code b} (length {@code L})
 * the bootstrap is {@code V̂_L} when the episode timed out and 0 when it ended the game, so a
 * timeout never cuts the return. Padded steps get target 0 (they are masked out of the loss).
 * <ul>
 *   <li>n-step: {@code y_t = Σ_{k<m} γ^k r_{t+k} + γ^m V̂_{t+m}}, {@code m = min(n, L − t)};</li>
 *   <li>TD(λ), forward view computed recursively:
 *       {@code G_t = r_t + γ[(1 − λ) V̂_{t+1} + λ G_{t+1}]}, {@code G_{L−1} = r_{L−1} + γ V̂_L};
 *       λ = 0 is the one-step target and λ = 1 the Monte-Carlo return bootstrapped at the end.</li>
 * </ul>
 *
 * @param kind   one-step, n-step or TD(λ)
 * @param gamma  discount in [0, 1]
 * @param n      steps of the n-step return (1 for one-step)
 * @param lambda the TD(λ) mixing weight in [0, 1]
 */
public record TdTargets(Kind kind, double gamma, int n, double lambda) {

    /**
     * Which return; also the choices of {@code learner.targets}, so the constants are spelled as a
     * configuration file writes them.
     */
    public enum Kind {
        /** One-step: {@code r_t + γ V̂_{t+1}} (pymarl's QMIX). */
        ONESTEP,
        /** n-step: {@code n} discounted rewards, then the bootstrap. */
        NSTEP,
        /** TD(λ): the λ-weighted mix of every n-step return (pymarl2's QMIX). */
        LAMBDA
    }

    public TdTargets {
        if (!(gamma >= 0 && gamma <= 1) || n < 1 || !(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("targets need gamma and lambda in [0, 1] and n >= 1, got gamma " + gamma
                    + ", n " + n + ", lambda " + lambda);
        }
    }

    public static TdTargets oneStep(double gamma) {
        return new TdTargets(Kind.ONESTEP, gamma, 1, 0);
    }

    public static TdTargets nStep(double gamma, int n) {
        return new TdTargets(Kind.NSTEP, gamma, n, 0);
    }

    public static TdTargets lambda(double gamma, double lambda) {
        return new TdTargets(Kind.LAMBDA, gamma, 1, lambda);
    }

    /**
     * Targets {@code (T·B)} for a batch of {@code episodes} padded to {@code steps}.
     *
     * @param bootstrap {@code V̂} at index {@code t·B + b} for {@code t ≤ T}, length {@code (T+1)·B}
     */
    public float[] compute(EpisodeBatch batch, float[] bootstrap) {
        return compute(batch.rewards(), batch.terminated(), batch.mask(), bootstrap, batch.episodes(), batch.steps());
    }

    /** {@link #compute(EpisodeBatch, float[])} on plain arrays, as laid out there. */
    public float[] compute(float[] rewards, float[] terminated, float[] mask, float[] bootstrap, int episodes,
                           int steps) {
        if (rewards.length != steps * episodes || bootstrap.length != (steps + 1) * episodes) {
            throw new IllegalArgumentException("targets: " + rewards.length + " rewards and " + bootstrap.length
                    + " bootstrap values for " + episodes + " episodes of up to " + steps + " steps");
        }
        float[] y = new float[steps * episodes];
        for (int b = 0; b < episodes; b++) {
            int length = 0;
            while (length < steps && mask[length * episodes + b] > 0) {
                length++;
            }
            if (length == 0) {
                continue;
            }
            boolean terminal = terminated[(length - 1) * episodes + b] > 0;
            double[] r = new double[length];
            double[] v = new double[length + 1];
            for (int t = 0; t < length; t++) {
                r[t] = rewards[t * episodes + b];
                v[t + 1] = bootstrap[(t + 1) * episodes + b];
            }
            v[length] = terminal ? 0 : v[length];
            double[] target = kind == Kind.LAMBDA ? lambdaReturns(r, v)
                    : nStepReturns(r, v, kind == Kind.NSTEP ? n : 1);
            for (int t = 0; t < length; t++) {
                y[t * episodes + b] = (float) target[t];
            }
        }
        return y;
    }

    // v[t] is V̂ at decision point t (v[0] unused, v[L] already 0 for a terminal episode)
    private double[] nStepReturns(double[] r, double[] v, int steps) {
        int length = r.length;
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            int m = Math.min(steps, length - t);
            double sum = 0;
            double discount = 1;
            for (int k = 0; k < m; k++) {
                sum += discount * r[t + k];
                discount *= gamma;
            }
            y[t] = sum + discount * v[t + m];
        }
        return y;
    }

    private double[] lambdaReturns(double[] r, double[] v) {
        int length = r.length;
        double[] g = new double[length];
        g[length - 1] = r[length - 1] + gamma * v[length];
        for (int t = length - 2; t >= 0; t--) {
            g[t] = r[t] + gamma * ((1 - lambda) * v[t + 1] + lambda * g[t + 1]);
        }
        return g;
    }
}
