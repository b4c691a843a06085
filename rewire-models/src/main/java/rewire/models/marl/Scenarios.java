package rewire.models.marl;

import rewire.models.marl.env.MultiAgentEnv;

/** Makes the environment a run names: a scenario of the unit-combat simulator. */
final class Scenarios {
    private Scenarios() {
    }

    static MultiAgentEnv create(EnvSettings env, long seed) {
        throw new IllegalArgumentException("env.scenario '" + env.scenario() + "': the combat simulator is not "
                + "available in this build");
    }
}
