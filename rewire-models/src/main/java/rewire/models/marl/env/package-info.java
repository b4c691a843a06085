/**
 * Multi-agent environments for value-based cooperative MARL: the {@link rewire.models.marl.env.MultiAgentEnv}
 * interface (SMAC's) and a unit-combat simulator with StarCraft II unit statistics that stands in for
 * the StarCraft Multi-Agent Challenge (Samvelyan et al., AAMAS 2019), which needs the game itself.
 *
 * <p>Pieces: {@link rewire.models.marl.env.UnitCatalog} reads unit statistics (bundled:
 * {@code rewire/models/marl/units.json}, from Liquipedia); {@link rewire.models.marl.env.Scenario}
 * reads a battle setup (bundled: SMAC's maps in {@code rewire/models/marl/scenarios/}); both files
 * are JSON read through {@link rewire.io.Json} into the records {@code UnitFile} and
 * {@code ScenarioFile}, which check their own fields; the
 * package-private {@code Battle} simulates game loops and {@code ScriptedOpponent} drives the
 * enemies; {@link rewire.models.marl.env.CombatEnv} is the SMAC interface on top (actions, masks,
 * observations and state by {@code Features}, reward by {@link rewire.models.marl.env.SmacReward});
 * {@link rewire.models.marl.env.RandomPolicy} is the random baseline,
 * {@link rewire.models.marl.env.TextRender} draws a frame and
 * {@link rewire.models.marl.env.EnvBenchmark} prints speed and baselines.
 *
 * <p>Units of measure: distances in map cells, time in game loops (22.4 per second at game speed
 * "faster"; 8 loops per agent step), see {@link rewire.models.marl.env.GameTime}.
 */
package rewire.models.marl.env;
