package rewire.models.rl;

import java.nio.file.Path;
import rewire.run.LoopSettings;

/**
 * The configuration of a single-agent RL run ({@code workload: rl}). Defaults: SAC on Pendulum-v1
 * with the module-specific policy of Ma et al. (2025): a dense encoder, a critic under RigL and a
 * static sparse actor at sparsity 0.6 with Erdős-Rényi budgets. One training step is one vector
 * step of {@code env.envs} environments and one update of every module (TD3:
 * {@code td3.policyDelay} of each but the actor), so {@code train.epochs × agent.stepsPerEpoch}
 * is the number of updates; the first step also plays {@code agent.startSteps} random steps.
 *
 * @param workload    {@code rl}
 * @param name        the run's name, the start of its folder's name: letters, digits, '.', '_' or '-'
 * @param seed        the seed of every random draw of the run (environments, exploration, initialization)
 * @param env         the environment section
 * @param agent       the learner section
 * @param sac         SAC's temperature
 * @param td3         TD3's delays and noises
 * @param dqn         DQN's exploration and target network
 * @param network     each module's architecture and the width scale
 * @param policy      each module's sparsity regime (Module-Specific Training)
 * @param optim       each module's optimizer
 * @param diagnostics plasticity diagnostics in the training log
 * @param train       the training loop section
 */
public record RlConfig(String workload, String name, long seed, TaskSettings env, AgentSettings agent,
                       SacSettings sac, Td3Settings td3, DqnSettings dqn, Architectures network,
                       ModuleSpecificPolicy policy, ModuleOptimizers optim, DiagnosticsSettings diagnostics,
                       LoopSettings train) {

    public static final String WORKLOAD = "rl";

    public RlConfig {
        if (!WORKLOAD.equals(workload)) {
            throw new IllegalArgumentException("workload must be '" + WORKLOAD + "' for a reinforcement-learning run, "
                    + "got '" + workload + "'");
        }
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
    }

    public static RlConfig defaults() {
        return new RlConfig(WORKLOAD, "sac-pendulum", 1, TaskSettings.defaults(), AgentSettings.defaults(),
                SacSettings.defaults(), Td3Settings.defaults(), DqnSettings.defaults(), Architectures.defaults(),
                ModuleSpecificPolicy.defaults(), ModuleOptimizers.defaults(), DiagnosticsSettings.defaults(),
                new LoopSettings(10, 200, 0, 0, 3, 0, Path.of("runs")));
    }
}
