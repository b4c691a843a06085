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
import rewire.sparsity.ch.CannistraciHebbGrowth;
import rewire.tensor.Rng;

/** The grow-criterion seam carries Cannistraci-Hebb link prediction unchanged (METHODS E.1, E.3). */
class ChGrowthSeamTest {

    // the wiring docs/methods.md shows: CH scores of the kept pattern, a tile of rows at a time
    static GrowCriterion ch(CHVariant variant) {
        return GrowCriterion.scored("ch-" + variant,
                (layer, kept, kernels) -> CannistraciHebb.scoreSource(kept, variant));
    }

    private static LayerView layer(double density) {
        return Fixtures.layers(new int[][] {{14, 11}}, density, Constraint.unstructured(), new Rng(21)).get(0);
    }

    // growth of `count` positions in bands of 3 rows
    private static GrowRequest request(LayerView layer, int count) {
        SparsityPattern kept = layer.param().pattern();
        return GrowRequest.of(layer, kept, kept, kept.nnz() + count, Constraint.unstructured(), new Rng(5),
                Kernels.defaults(), 11 * 3);
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
        long scoring = 0;
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
                    RewireReport report = recipe.rewirer().maybeRewire(step, views, new Slots(), rng);
                    grown += report.grown();
                    scoring += report.scoringFlops();
                }
                assertTrue(grown > 0, name);
                long nnz = views.stream().mapToLong(v -> v.param().pattern().nnz()).sum();
                assertEquals(name.equals("chtss") ? Math.round(0.2 * 192) : start.get(0).nnz() + start.get(1).nnz(), nnz,
                        name);
            }
        }
        assertTrue(scoring > 0, "the reports carry what link prediction cost");
    }

    @Test
    void chGrowthReportsWhatTheLinkPredictorSpentScoring() {
        LayerView layer = layer(0.2);
        SparsityPattern kept = layer.param().pattern();
        for (CHVariant variant : CHVariant.values()) {
            long direct = CannistraciHebb.selectTopK(kept, 9, variant, 3, null).scoringFlops();
            assertTrue(direct > 0, variant.name());
            GrowCriterion ch = CannistraciHebbGrowth.criterion(variant);
            assertEquals(direct, ch.select(request(layer, 9)).scoringFlops(), variant.name());
            assertEquals(direct, GrowCriterion.mixed(ch, GrowCriterion.random(), 0.5).select(request(layer, 9))
                    .scoringFlops(), "the CH half scores every candidate once, the random half costs nothing");
        }
        assertEquals(0, GrowCriterion.random().select(request(layer, 9)).scoringFlops());
    }

    @Test
    void proportionalGrowthThatRunsOutOfPositiveScoresCountsBothScans() {
        LayerView layer = layer(0.05);
        SparsityPattern kept = layer.param().pattern();
        int positive = 0;
        for (float score : CannistraciHebb.scoreRows(kept, CHVariant.CH2, 0, kept.rows())) {
            positive += score > 0 ? 1 : 0;
        }
        int count = positive + 5;
        assertTrue(count <= 14 * 11 - kept.nnz(), "enough free positions");
        long once = CannistraciHebb.selectTopK(kept, count, CHVariant.CH2, 3, null).scoringFlops();
        Selection sampled = GrowCriterion.sampled(CannistraciHebbGrowth.criterion(CHVariant.CH2))
                .select(request(layer, count));
        assertEquals(count, sampled.size());
        assertEquals(2 * once, sampled.scoringFlops(), "the retry with lifted scores scans every candidate again");
    }
}
