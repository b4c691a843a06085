package rewire.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options are typed records, parsed once and range-checked before any training, with errors that say what is valid. */
class RecipeOptionsTest {
    private static final Recipes RECIPES = Recipes.standard();

    private static String error(String recipe, Map<String, String> options) {
        return assertThrows(IllegalArgumentException.class, () -> RECIPES.spec(recipe).read(options)).getMessage();
    }

    private static void mentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' missing from: " + message);
        }
    }

    @Test
    void everyRangeIsCheckedWithoutAPlanAndTheErrorNamesRecipeOptionValueAndRange() {
        mentions(error("rigl", Map.of("zeta", "2")), "recipe rigl", "option zeta = '2'", "[0, 1]");
        mentions(error("rigl", Map.of("deltaT", "0")), "recipe rigl", "option deltaT = '0'", ">= 1");
        mentions(error("rigl", Map.of("endFraction", "1.5")), "endFraction = '1.5'", "[0, 1]");
        mentions(error("fw", Map.of("gamma", "-1")), "recipe fw", "gamma = '-1'", ">= 0");
        mentions(error("chtss", Map.of("initialDensity", "0")), "initialDensity = '0'", "(0, 1]");
        mentions(error("mst", Map.of("ratio", "NaN")), "ratio = 'NaN'", "not finite");
        mentions(error("rigl", Map.of("deltaT", "1.5")), "deltaT = '1.5'", "not a whole number");
        mentions(error("rigl", Map.of("skipStep", "yes")), "skipStep = 'yes'", "true or false");
        mentions(error("nm-srste", Map.of("n", "4", "m", "2")), "recipe nm-srste", "n = 4 must not exceed m = 2");
        mentions(error("gmp", Map.of("startFraction", "0.8")), "startFraction 0.8 must be below endFraction 0.75");
        mentions(error("mst", Map.of("warmupEndFraction", "0.9")), "restoreStartFraction");
    }

    @Test
    void aMistypedOptionOrPartNamesTheNearestAndEveryChoice() {
        mentions(error("rigl", Map.of("zetta", "0.5")), "no option 'zetta'", "did you mean 'zeta'", "endFraction");
        mentions(error("fw", Map.of("prune", "magnitud")), "option prune = 'magnitud'", "not a prune criterion",
                "did you mean 'magnitude'", "choices: magnitude, set, set-equal-split, mest, snip");
        mentions(error("gmp", Map.of("scope", "globl")), "did you mean 'global'", "choices: layer, global");
        mentions(error("rigl", Map.of("distribution", "erx")), "not a distribution", "choices: uniform, er, erk");
    }

    @Test
    void constraintsAndInitsParseIntoCheckedValues() {
        RecipeOptions.Rigl o = (RecipeOptions.Rigl) RECIPES.spec("rigl").read(Map.of("constraint", "2:4",
                "init", "normal:0.1", "distribution", "er"));
        assertEquals(new ConstraintChoice(ConstraintPart.N_OF_M, 2, 4), o.constraint());
        assertEquals(new InitChoice(InitPart.NORMAL, 0.1), o.init());
        assertEquals(DistributionPart.ER, o.distribution());
        assertEquals("block:4x2", ConstraintChoice.parse("block:4x2").toString());
        assertEquals("2:4", o.constraint().toString());
        assertEquals("2:4", o.constraint().constraint().name());
        assertEquals("normal:0.1", o.init().toString());
        mentions(error("rigl", Map.of("constraint", "3:2")), "constraint = '3:2'", "1 <= N <= M");
        mentions(error("rigl", Map.of("constraint", "2:x")), "is not a constraint",
                "choices: unstructured, fan-in, N:M, block:RxC, diagonal");
        mentions(error("set", Map.of("init", "normal:-1")), "init = 'normal:-1'", "positive finite STD");
        mentions(error("set", Map.of("init", "xavier")), "choices: zero, normal:STD, he");
    }

    @Test
    void everyDefaultPrintsAsTextThatParsesBackToIt() {
        for (String name : RECIPES.names()) {
            Recipes.Spec<?> spec = RECIPES.spec(name);
            Map<String, String> defaults = new LinkedHashMap<>();
            for (RecipeOption o : spec.options()) {
                assertFalse(o.doc().isBlank() || o.valid().isBlank(), name + "." + o.key());
                defaults.put(o.key(), o.defaultValue());
            }
            assertEquals(spec.defaults(), spec.read(defaults), name);
        }
    }

    @Test
    void theVerifiedFlagFollowsTheRecipeNotTheRecord() {
        assertEquals(List.of(true), flags("mest", "prune"));
        assertEquals(List.of(false), flags("fw", "prune"));
        assertEquals(List.of(true), flags("chtss", "distribution"));
        assertEquals(List.of(false), flags("chts", "distribution"));
        assertEquals("mest", RECIPES.spec("mest").options().getFirst().defaultValue());
    }

    private static List<Boolean> flags(String recipe, String option) {
        return RECIPES.spec(recipe).options().stream().filter(o -> o.key().equals(option))
                .map(RecipeOption::verified).toList();
    }
}
