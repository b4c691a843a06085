package rewire.models.marl;

import rewire.config.NameOrPath;

/**
 * The environment section of a multi-agent run.
 *
 * @param scenario a scenario of the combat simulator by name ("3m", "2s3z", …) or a {@code .json}
 *                 scenario file (relative: to the configuration file's folder)
 */
public record EnvSettings(NameOrPath scenario) {

    public EnvSettings {
        if (scenario == null) {
            throw new IllegalArgumentException("env.scenario must name a scenario");
        }
    }

    public static EnvSettings defaults() {
        return new EnvSettings(NameOrPath.ofName("3m"));
    }
}
