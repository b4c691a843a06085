package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/scenarios.md stays true to the simulator: its example file is a valid scenario, and it
 * names every built-in scenario and every unit type of the standard catalog.
 */
class ScenarioDocTest {
    private static final Path DOC = Path.of("../docs/scenarios.md");

    @Test
    void theExampleFileIsAValidScenario() throws Exception {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String json = doc.substring(start, doc.indexOf("```", start));
        Scenario s = Scenario.parse("docs/scenarios.md", json, UnitCatalog.standard());
        assertEquals(5, s.allies().size());
        assertEquals(5, s.enemies().size());
        assertEquals(120, s.episodeLimit());
    }

    @Test
    void everyBuiltInScenarioAndUnitTypeIsNamed() throws Exception {
        String doc = Files.readString(DOC);
        for (String name : Scenario.BUILTIN) {
            assertTrue(doc.contains("`" + name + "`"), "built-in scenario " + name);
        }
        for (UnitType type : UnitCatalog.standard().types().values()) {
            assertTrue(doc.contains("| `" + type.name() + "` | " + type.letter() + " |"), "unit type " + type.name());
        }
    }
}
