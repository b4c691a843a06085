package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitCatalogTest {
    private final UnitCatalog catalog = UnitCatalog.standard();

    @Test
    void bundledFileHasEveryRequiredUnitAndCitesItsSource() {
        for (String name : new String[] {"marine", "marauder", "medivac", "stalker", "zealot", "colossus",
                "zergling", "baneling"}) {
            assertTrue(catalog.contains(name), name);
        }
        assertTrue(catalog.source().contains("liquipedia.net"), catalog.source());
    }

    @Test
    void marineNumbersAreConvertedToGameLoops() {
        UnitType marine = catalog.type("marine");
        assertEquals(45, marine.health());
        assertEquals(0, marine.shield());
        assertEquals(Set.of(Attribute.LIGHT, Attribute.BIOLOGICAL), marine.attributes());
        assertEquals(0.61 * 22.4, marine.weapon().cooldownLoops(), 1e-12);
        assertEquals(3.15 / 22.4, marine.speedPerLoop(), 1e-12);
        assertEquals(5, marine.weapon().range());
        assertTrue(marine.weapon().air() && marine.weapon().ground());
    }

    @Test
    void specialUnitsKeepTheirMechanics() {
        UnitType zealot = catalog.type("zealot");
        assertEquals(2, zealot.weapon().attacks());
        assertEquals(50, zealot.shield());
        UnitType baneling = catalog.type("baneling");
        assertTrue(baneling.weapon().suicide());
        assertEquals(2.2, baneling.weapon().splashRadius());
        assertEquals(35, baneling.weapon().hitDamage(Set.of(Attribute.LIGHT)));
        UnitType medivac = catalog.type("medivac");
        assertNull(medivac.weapon());
        assertNotNull(medivac.heal());
        assertTrue(medivac.air());
        assertEquals(12.6 / 22.4, medivac.heal().perLoop(), 1e-12);
        assertTrue(medivac.canHeal(catalog.type("marine")));
        assertFalse(medivac.canHeal(catalog.type("stalker")), "only biological units are healed");
        assertFalse(catalog.type("marauder").canAttack(medivac), "marauders cannot shoot air");
        assertTrue(catalog.type("stalker").canAttack(medivac));
        assertEquals(18, catalog.type("stalker").weapon().hitDamage(catalog.type("marauder").attributes()));
    }

    @Test
    void badUnitFilesNameTheField() {
        String unknownAttribute = units("\"attributes\": [\"squishy\"]", "\"cooldown\": 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitCatalog.parse("u.json", unknownAttribute));
        assertTrue(e.getMessage().startsWith("u.json: units[0].attributes"), e.getMessage());
        String zeroCooldown = units("\"attributes\": []", "\"cooldown\": 0");
        e = assertThrows(IllegalArgumentException.class, () -> UnitCatalog.parse("u.json", zeroCooldown));
        assertTrue(e.getMessage().startsWith("u.json: units[0].weapon.cooldown"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> catalog.type("siege tank"));
    }

    @Test
    void everyFieldErrorNamesItsPath() {
        String good = units("\"attributes\": [\"light\"]", "\"cooldown\": 1");
        assertUnitError(good.replace("\"health\": 10, ", ""), "u.json: units[0].health: missing");
        assertUnitError(good.replace("\"letter\": \"x\"", "\"letter\": \"xy\""), "u.json: units[0].letter: expected one character");
        assertUnitError(good.replace("\"bonus\": {}", "\"bonus\": {\"tiny\": 2}"), "u.json: units[0].weapon.bonus: unknown attribute 'tiny'");
        assertUnitError(good.replace("\"range\": 1", "\"range\": -1"), "u.json: units[0].weapon.range: must be at least 0.0, got -1.0");
        assertUnitError(good.replace("\"health\": 10", "\"health\": 0"), "u.json: units[0]: invalid unit type x: health=0.0");
        assertUnitError(good.replace("\"units\": [{", "\"units\": [{\"name\": \"y\", \"letter\": \"y\", \"health\": 1, \"shield\": 0,"
                + " \"armor\": 0, \"attributes\": [], \"radius\": 1, \"speed\": 1, \"sight\": 1, \"heal\": {\"per_second\": 1,"
                + " \"hp_per_energy\": 1, \"range\": 1}}, {"), "u.json: units[0]: unit type y heals but has no energy");
        String twice = good.replace("\"units\": [{", "\"units\": [{\"name\": \"x\", \"letter\": \"x\", \"health\": 1, \"shield\": 0,"
                + " \"armor\": 0, \"attributes\": [], \"radius\": 1, \"speed\": 1, \"sight\": 1}, {");
        assertUnitError(twice, "u.json: units[1].name: duplicate unit type 'x'");
    }

    private static void assertUnitError(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitCatalog.parse("u.json", json));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void userUnitFilesLoadFromDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("units.json");
        java.nio.file.Files.writeString(file, units("\"attributes\": [\"light\"]", "\"cooldown\": 1"));
        UnitCatalog mine = UnitCatalog.load(file);
        assertEquals(22.4, mine.type("x").weapon().cooldownLoops(), 1e-12);
        assertEquals(Set.of(Attribute.LIGHT), mine.type("x").attributes());
    }

    private static String units(String attributes, String cooldown) {
        return "{\"source\": \"test\", \"shield_regen\": {\"per_second\": 1, \"delay_seconds\": 1}, \"units\": [{"
                + "\"name\": \"x\", \"letter\": \"x\", \"health\": 10, \"shield\": 0, \"armor\": 0, " + attributes
                + ", \"radius\": 0.5, \"speed\": 1, \"sight\": 9, \"weapon\": {\"damage\": 1, \"attacks\": 1,"
                + " \"bonus\": {}, \"range\": 1, " + cooldown + "}}]}";
    }
}
