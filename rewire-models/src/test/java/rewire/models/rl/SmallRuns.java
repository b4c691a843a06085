package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.run.RunSpec;

/** Small RL runs for tests: narrow modules, short warm-up, small batches, overrides on top. */
final class SmallRuns {
    private SmallRuns() {
    }

    /** The configuration of a small run with {@code overrides} (dotted keys) applied last. */
    static RlConfig config(String... overrides) {
        List<String> all = new ArrayList<>(List.of("network.encoder.width=16", "network.critic.width=16",
                "network.actor.width=16", "agent.latent=8", "agent.batchSize=16", "agent.startSteps=64",
                "agent.replaySize=1000", "agent.stepsPerEpoch=20", "train.epochs=3", "env.evalEpisodes=2",
                "diagnostics.every=10", "diagnostics.batch=32", "policy.critic.options=[deltaT=10]"));
        all.addAll(List.of(overrides));
        return Config.load(RlConfig.class, all);
    }

    static RunSpec spec(String... overrides) {
        return RlRuns.spec(config(overrides), Kernels.defaults());
    }
}
