/**
 * Multi-agent environments for value-based cooperative MARL: the {@link rewire.models.marl.env.MultiAgentEnv}
 * interface (SMAC's) and a unit-combat simulator with StarCraft II unit statistics.
 */
package rewire.models.marl.env;
