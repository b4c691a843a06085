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
        Map<String, int[]> smac = Map.of("3m", new int[] {60, 3, 3}, "8m", new int[] {120, 8, 8},
                "2s3z", new int[] {120, 5, 5}, "3s5z", new int[] {150, 8, 8}, "3s_vs_5z", new int[] {250, 3, 5},
                "MMM", new int[] {150, 10, 10});
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
        expectError("\"count\": 2", "\"count\": 2.5", "enemies[0].count: expected a whole number");
        expectError("\"episode_limit\"", "\"episode_limt\"", "episode_limt: unknown field");
        expectError("\"height\": 32", "\"height\": \"tall\"", "map.height: expected a number");
        Path file = dir.resolve("broken.json");
        Files.writeString(file, GOOD.replace("}]}", "}]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.load(file));
        assertTrue(e.getMessage().startsWith(file + ": not valid JSON"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scenario.builtin("27m_vs_30m"));
    }

    private static void expectError(String from, String to, String message) {
        String text = GOOD.replace(from, to);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.parse("bad.json", text, UnitCatalog.standard()));
        assertEquals("bad.json: " + message, e.getMessage().substring(0, Math.min(e.getMessage().length(),
                ("bad.json: " + message).length())), e.getMessage());
    }
}
