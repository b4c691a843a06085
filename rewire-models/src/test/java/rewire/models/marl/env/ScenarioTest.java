package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    private static final String GOOD = """
            {"name": "duel", "map": {"width": 32, "height": 32}, "episode_limit": 40,
             "allies": [{"type": "marine", "x": 10, "y": 16}],
             "enemies": [{"type": "zealot", "count": 2, "x": 20, "y": 16}]}""";

    @Test
    void everyBuiltinScenarioLoadsWithSmacsLimitsAndTeams() {
        // {episode limit, agents, enemies} from SMAC's map registry (smac_maps.py).
        Map<String, int[]> smac = Map.ofEntries(Map.entry("3m", new int[] {60, 3, 3}),
                Map.entry("8m", new int[] {120, 8, 8}), Map.entry("2s3z", new int[] {120, 5, 5}),
                Map.entry("3s5z", new int[] {150, 8, 8}), Map.entry("3s_vs_5z", new int[] {250, 3, 5}),
                Map.entry("MMM", new int[] {150, 10, 10}), Map.entry("5m_vs_6m", new int[] {70, 5, 6}),
                Map.entry("8m_vs_9m", new int[] {120, 8, 9}), Map.entry("10m_vs_11m", new int[] {150, 10, 11}),
                Map.entry("25m", new int[] {150, 25, 25}), Map.entry("27m_vs_30m", new int[] {180, 27, 30}),
                Map.entry("MMM2", new int[] {180, 10, 12}), Map.entry("3s5z_vs_3s6z", new int[] {170, 8, 9}),
                Map.entry("3s_vs_3z", new int[] {150, 3, 3}), Map.entry("3s_vs_4z", new int[] {200, 3, 4}),
                Map.entry("2m_vs_1z", new int[] {150, 2, 1}), Map.entry("6h_vs_8z", new int[] {150, 6, 8}),
                Map.entry("so_many_baneling", new int[] {100, 7, 32}), Map.entry("bane_vs_bane", new int[] {200, 24, 24}),
                Map.entry("2c_vs_64zg", new int[] {400, 2, 64}), Map.entry("1c3s5z", new int[] {180, 9, 9}));
        assertEquals(smac.keySet(), java.util.Set.copyOf(Scenario.BUILTIN));
        for (String name : Scenario.BUILTIN) {
            Scenario s = Scenario.builtin(name);
            int[] expected = smac.get(name);
            assertEquals(name, s.name());
            assertEquals(expected[0], s.episodeLimit(), name);
            assertEquals(expected[1], s.allies().size(), name);
            assertEquals(expected[2], s.enemies().size(), name);
        }
        assertEquals("medivac", Scenario.builtin("MMM").allies().get(9).type().name());
    }

    @Test
    void everyBuiltinScenarioPlaysARandomEpisodeToTheEnd() {
        for (String name : Scenario.BUILTIN) {
            CombatEnv env = CombatEnv.of(name, 1);
            Rollouts.Result r = RandomPolicy.evaluate(env, 1, new rewire.tensor.Rng(2));
            assertTrue(r.meanSteps() >= 1 && r.meanSteps() <= env.episodeLimit(), name);
            assertTrue(Double.isFinite(r.meanReturn()) && r.meanReturn() >= 0, name + " return " + r.meanReturn());
        }
    }

    @Test
    void userFilesLoadAndGroupsExpandIntoColumns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("duel.json");
        Files.writeString(file, GOOD);
        Scenario s = Scenario.load(file);
        assertEquals(2, s.enemies().size());
        assertEquals(15.5, s.enemies().get(0).y());
        assertEquals(16.5, s.enemies().get(1).y());
        assertEquals(0, s.jitter());
    }

    @Test
    void badFilesNameTheFileAndTheField(@TempDir Path dir) throws IOException {
        expectError("\"episode_limit\": 40,", "", "episode_limit: missing");
        expectError("\"episode_limit\": 40,", "\"episode_limit\": 0,", "episode_limit: must be at least 1");
        expectError("\"type\": \"marine\"", "\"type\": \"marine2\"", "allies[0].type: unknown unit type 'marine2'");
        expectError("\"x\": 20", "\"x\": 40", "enemies[0].x: outside the map");
        expectError("\"count\": 2", "\"count\": 2.5", "enemies[0].count: Cannot coerce Floating-point value (2.5)");
        expectError("\"episode_limit\": 40,", "\"episode_limit\": 40, \"colour\": \"red\",", "colour: unknown field");
        expectError("\"type\": \"zealot\"", "\"type\": \"zealot\", \"z\": 1", "enemies[0].z: unknown field");
        expectError("\"count\": 2", "\"count\": 0", "enemies[0].count: must be at least 1, got 0");
        expectError("\"height\": 32", "\"height\": \"tall\"", "map.height: Cannot coerce String value (\"tall\")");
        Path file = dir.resolve("broken.json");
        Files.writeString(file, GOOD.replace("}]}", "}]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.load(file));
        assertTrue(e.getMessage().startsWith(file + ": not valid JSON"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scenario.builtin("corridor"));
    }

    private static void expectError(String from, String to, String message) {
        String text = GOOD.replace(from, to);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.parse("bad.json", text, UnitCatalog.standard()));
        assertEquals("bad.json: " + message, e.getMessage().substring(0, Math.min(e.getMessage().length(),
                ("bad.json: " + message).length())), e.getMessage());
    }
}
