package rewire.models.marl;

import java.io.IOException;
import java.io.UncheckedIOException;
import rewire.config.NameOrPath;
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
        try {
            return new CombatEnv(Scenario.load(s.path()), seed);
        } catch (IOException e) {
            throw new UncheckedIOException("env.scenario: cannot read " + s, e);
        }
    }
}
