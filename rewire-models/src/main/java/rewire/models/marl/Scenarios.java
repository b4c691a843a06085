package rewire.models.marl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import rewire.config.NameOrPath;
import rewire.io.FileErrors;
import rewire.models.marl.env.CombatEnv;
import rewire.models.marl.env.MultiAgentEnv;
import rewire.models.marl.env.Scenario;

/** Makes the environment a run names: a built-in scenario of the unit-combat simulator, or a scenario file. */
final class Scenarios {
    private Scenarios() {
    }

    static MultiAgentEnv create(EnvSettings env, long seed) {
        NameOrPath s = env.scenario();
        if (!s.isPath() && Scenario.BUILTIN.contains(s.name())) {
            return CombatEnv.of(s.name(), seed);
        }
        if (!s.isPath() || !s.path().toString().endsWith(".json")) {
            throw new IllegalArgumentException("env.scenario '" + s + "' is neither a built-in scenario " + Scenario.BUILTIN
                    + " nor a .json scenario file");
        }
        Path file = s.path();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("env.scenario: no scenario file at " + file.toAbsolutePath()
                    + " (built-in scenarios: " + Scenario.BUILTIN + ")");
        }
        try {
            return new CombatEnv(Scenario.load(file), seed);
        } catch (IOException e) {
            throw new IllegalArgumentException("env.scenario: cannot read " + file.toAbsolutePath() + ": "
                    + FileErrors.reason(e), e);
        }
    }
}
