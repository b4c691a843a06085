package rewire.models.rl;

/**
 * The plasticity diagnostics written to the training log ({@link Plasticity}).
 *
 * @param every            training steps between two measurements; 0 turns them off
 * @param batch            transitions of the replay the measurement reads (256)
 * @param dormantThreshold τ of τ-dormant neurons (Sokar et al., ICML 2023: 0.025 for their
 *                         value-based agents)
 * @param rankThreshold    δ of the effective rank {@code srank_δ} (Kumar et al., ICLR 2021: 0.01)
 */
public record DiagnosticsSettings(long every, int batch, double dormantThreshold, double rankThreshold) {

    public DiagnosticsSettings {
        if (every < 0 || batch < 2 || !(dormantThreshold >= 0) || !(rankThreshold >= 0 && rankThreshold < 1)) {
            throw new IllegalArgumentException("diagnostics: need every >= 0, batch >= 2, dormantThreshold >= 0 and "
                    + "rankThreshold in [0, 1); got " + every + ", " + batch + ", " + dormantThreshold + ", "
                    + rankThreshold);
        }
    }

    public static DiagnosticsSettings defaults() {
        return new DiagnosticsSettings(1000, 256, 0.025, 0.01);
    }
}
