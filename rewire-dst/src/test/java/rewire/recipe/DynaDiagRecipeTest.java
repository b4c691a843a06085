package rewire.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.sparsity.DiagonalSelection.Anneal;

/** The dynadiag recipe: every diagonal at the start, the freeze at its fraction of the run, options checked. */
class DynaDiagRecipeTest {

    @Test
    void theRecipeStartsFromEveryDiagonalAndFreezesAtItsFraction() {
        Recipe r = Recipes.standard().create("dynadiag", new Recipes.Plan(1000, 100, 0.1),
                Map.of("freezeFraction", "0.4", "anneal", "linear"));
        assertEquals(1.0, r.initialDensity());
        assertEquals(400, r.diagonals().freezeStep());
        assertEquals(10, r.diagonals().epochs());
        assertEquals(Anneal.LINEAR, r.diagonals().anneal());
        assertEquals("diagonal", r.rewirer().constraint().name());
        assertFalse(r.rewirer().isUpdate(400), "the freeze is the training loop's, not a DST update");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recipes.standard().create(
                "dynadiag", new Recipes.Plan(1000, 100, 0.1), Map.of("tauMin", "9")));
        assertTrue(e.getMessage().contains("tauMin"), e.getMessage());
    }
}
