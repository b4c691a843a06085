package rewire.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.sparsity.LayerShape;

/** A recipe built for a run says what will surprise its user, before training. */
class RecipeWarningsTest {
    private static final List<LayerShape> MLP = List.of(LayerShape.matrix("fc1", 32, 64),
            LayerShape.matrix("fc2", 8, 32));

    private static List<String> warnings(String recipe, Recipes.Plan plan, Map<String, String> options) {
        return Recipes.standard().create(recipe, plan, options).warnings(MLP);
    }

    private static void single(List<String> warnings, String... parts) {
        assertEquals(1, warnings.size(), warnings.toString());
        for (String p : parts) {
            assertTrue(warnings.getFirst().contains(p), "'" + p + "' missing from " + warnings);
        }
    }

    @Test
    void theDefaultsOfALongEnoughRunSayNothing() {
        Recipes.Plan plan = new Recipes.Plan(2000, 100, 0.1);
        for (String recipe : List.of("static", "set", "rigl", "snfs", "fw", "gmp", "cht", "chts", "nm-srste")) {
            assertEquals(List.of(), warnings(recipe, plan, Map.of()), recipe);
        }
        assertEquals(List.of(), warnings("rigl", plan, Map.of("constraint", "fan-in")), "rounding is no surprise");
    }

    @Test
    void anNOfMConstraintThatOverridesTheDensitySaysBothNumbers() {
        List<String> w = warnings("rigl", new Recipes.Plan(2000, 100, 0.1), Map.of("constraint", "2:4",
                "distribution", "uniform"));
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.getFirst().contains("2:4") && w.getFirst().contains("fc1 (32 x 64)")
                && w.getFirst().contains("density 0.5, not the requested 0.1"), w.getFirst());
    }

    @Test
    void aConstraintThatCannotHoldALayerIsAnErrorNamingIt() {
        Recipe rigl = Recipes.standard().create("rigl", new Recipes.Plan(2000, 100, 0.1), Map.of("constraint", "2:3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rigl.warnings(MLP));
        assertTrue(e.getMessage().contains("cannot hold layer fc1 (32 x 64)"), e.getMessage());
    }

    @Test
    void aRunThatEndsBeforeTheFirstUpdateSaysSo() {
        single(warnings("rigl", new Recipes.Plan(90, 30, 0.1), Map.of()), "no topology update",
                "the run has 90 steps, and updates come every 100 steps before step 68");
        single(warnings("rigl", new Recipes.Plan(400, 100, 0.1), Map.of("endFraction", "0.2")),
                "no topology update");
        single(warnings("set", new Recipes.Plan(100, 100, 0.1), Map.of()), "no topology update",
                "updates come every 100 steps");
    }

    @Test
    void aPruningScheduleThatEndsDenseOrShortOfItsTargetSaysSo() {
        List<String> dense = warnings("gmp", new Recipes.Plan(90, 30, 0.1), Map.of());
        assertEquals(2, dense.size(), dense.toString());
        assertTrue(dense.get(1).contains("keeps its initial density 1 (dense)"), dense.get(1));
        single(warnings("gmp", new Recipes.Plan(1000, 100, 0.1), Map.of("endFraction", "1", "deltaT", "500")),
                "the density schedule ends at 0.1", "last update (step 500 of 1000) leaves density 0.213");
        single(warnings("mst", new Recipes.Plan(1000, 100, 0.1), Map.of()), "the density schedule ends at 1",
                "last update (step 900 of 1000) leaves density 0.55");
    }
}
