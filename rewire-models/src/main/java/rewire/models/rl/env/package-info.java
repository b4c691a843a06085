/**
 * Control tasks for single-agent reinforcement learning, each following a Gymnasium environment's
 * equations, constants, bounds, rewards, termination and time limit (the file it follows is cited
 * in each class): CartPole-v1, Acrobot-v1, Pendulum-v1, MountainCarContinuous-v0, and Reacher-v5
 * with analytic two-link dynamics in place of MuJoCo. A task is its {@link rewire.models.rl.env.Dynamics};
 * {@link rewire.models.rl.env.ControlEnv} adds the episode rules and the seeded generator,
 * {@link rewire.models.rl.env.VectorEnv} steps copies together with same-step autoreset, and
 * {@link rewire.models.rl.env.Scene} describes a state for text ({@link rewire.models.rl.env.SceneText})
 * and image renderings. Uses only {@code rewire.tensor} (the generator).
 */
package rewire.models.rl.env;
