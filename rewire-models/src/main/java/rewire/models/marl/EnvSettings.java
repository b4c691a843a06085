package rewire.models.marl;

/**
 * The environment section of a multi-agent run.
 *
 * @param scenario a scenario of the combat simulator by name ("3m", "2s3z", …) or a scenario file path
 */
public record EnvSettings(String scenario) {

    public EnvSettings {
        if (scenario == null || scenario.isBlank()) {
            throw new IllegalArgumentException("env.scenario must name a scenario, got '" + scenario + "'");
        }
    }

    public static EnvSettings defaults() {
        return new EnvSettings("3m");
    }
}
