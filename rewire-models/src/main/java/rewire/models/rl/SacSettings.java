package rewire.models.rl;

/**
 * SAC's temperature (Haarnoja et al., "Soft Actor-Critic Algorithms and Applications", 2018).
 *
 * @param initialTemperature α at the start (1, as Stable-Baselines3's "auto_1.0")
 * @param learnTemperature   tune α to the target entropy {@code -actions}; false keeps it fixed
 * @param temperatureLr      Adam's learning rate for {@code log α} (3e-4)
 */
public record SacSettings(double initialTemperature, boolean learnTemperature, double temperatureLr) {

    public SacSettings {
        if (!(initialTemperature > 0) || !(temperatureLr > 0)) {
            throw new IllegalArgumentException("sac: need initialTemperature > 0 and temperatureLr > 0, got "
                    + initialTemperature + " and " + temperatureLr);
        }
    }

    public static SacSettings defaults() {
        return new SacSettings(1.0, true, 3e-4);
    }
}
