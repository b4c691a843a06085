/**
 * Single-agent deep reinforcement learning with sparse networks: DQN (double, target network),
 * SAC (learned temperature) and TD3 over an encoder trained by a self-predictive objective (as
 * MR.Q), a critic and an actor, each a parameter group of its own with its own optimizer and
 * sparsity regime ({@link rewire.models.rl.ModuleSpecificPolicy}, after Ma et al., 2025); target
 * networks that follow their online masks; plasticity diagnostics. Also the pieces the multi-agent
 * learners share: {@link rewire.models.rl.TargetNetwork}, {@link rewire.models.rl.EpsilonSchedule},
 * {@link rewire.models.rl.LayerMaker}, {@link rewire.models.rl.RlOps}. Environments are in
 * {@code rewire.models.rl.env}.
 */
package rewire.models.rl;
