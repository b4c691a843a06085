package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.recipe.Recipe;
import rewire.recipe.Recipes;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.ch.CHVariant;
import rewire.sparsity.ch.CannistraciHebb;
import rewire.tensor.Rng;

/** The grow-criterion seam carries Cannistraci-Hebb link prediction unchanged (METHODS E.1, E.3). */
class ChGrowthSeamTest {

    // the wiring docs/methods.md shows: CH scores of the kept pattern, a tile of rows at a time
    static GrowCriterion ch(CHVariant variant) {
        return GrowCriterion.scored("ch-" + variant, (layer, kept, kernels) -> (row0, count, out) -> {
            float[] rows = CannistraciHebb.scoreRows(kept, variant, row0, row0 + count);
            System.arraycopy(rows, 0, out, 0, rows.length);
        });
    }

    @Test
    void topKGrowthThroughTheSeamEqualsTheLinkPredictorsOwnTopK() {
        Rng rng = new Rng(21);
        LayerView layer = Fixtures.layers(new int[][] {{14, 11}}, 0.2, Constraint.unstructured(), rng).get(0);
        SparsityPattern kept = layer.param().pattern();
        for (CHVariant variant : CHVariant.values()) {
            GrowRequest req = GrowRequest.of(layer, kept, kept, kept.nnz() + 9, Constraint.unstructured(), rng,
                    Kernels.defaults(), 11 * 3);
            Selection viaSeam = ch(variant).select(req);
            long[] direct = CannistraciHebb.topK(kept, 9, variant, 3, null).sortedPositions();
            assertArrayEquals(direct, viaSeam.positions(), variant.name());
        }
    }

    @Test
    void chtRecipesRunWithTheRealLinkPredictor() {
        Recipes recipes = Recipes.standard();
        Recipes.Plan plan = new Recipes.Plan(400, 100, 0.2);
        assertEquals("ch2-l3n", recipes.create("chts", plan).rewirer().grow().name(), "CH2 through the seam");
        for (String name : List.of("cht", "chts", "chtss")) {
            for (String sampling : List.of("topk", "proportional")) {
                Map<String, String> options = name.equals("cht") ? Map.of("grower", "ch3")
                        : Map.of("regrowSampling", sampling);
                Recipe recipe = recipes.create(name, plan, options);
                Rng rng = new Rng(22);
                List<LayerShape> shapes = List.of(LayerShape.matrix("a", 12, 10), LayerShape.matrix("b", 6, 12));
                List<SparsityPattern> start = recipe.initialPatterns(shapes, rng);
                List<LayerView> views = List.of(LayerView.of(Fixtures.param("a", start.get(0), rng)),
                        LayerView.of(Fixtures.param("b", start.get(1), rng)));
                long grown = 0;
                for (long step = 1; step <= plan.totalSteps(); step++) {
                    grown += recipe.rewirer().maybeRewire(step, views, new Slots(), rng).grown();
                }
                assertTrue(grown > 0, name);
                long nnz = views.stream().mapToLong(v -> v.param().pattern().nnz()).sum();
                assertEquals(name.equals("chtss") ? Math.round(0.2 * 192) : start.get(0).nnz() + start.get(1).nnz(), nnz,
                        name);
            }
        }
    }
}
