package rewire.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.Cadence;
import rewire.sparsity.Distribution;
import rewire.sparsity.Fixtures;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.LayerShape;
import rewire.sparsity.LayerView;
import rewire.sparsity.PruneCriterion;
import rewire.sparsity.RewireReport;
import rewire.sparsity.Rewirer;
import rewire.tensor.Rng;

/** The example of docs/methods.md, kept compiling and running. */
class RecipesDocExampleTest {

    @Test
    void theDocumentedExampleRuns() {
        Recipes recipes = Recipes.standard();
        Recipes.Plan plan = new Recipes.Plan(10_000, 469, 0.1);
        Recipe rigl = recipes.create("rigl", plan, Map.of("zeta", "0.5"));
        List<LayerShape> shapes = List.of(LayerShape.matrix("fc1", 300, 784), LayerShape.matrix("fc2", 100, 300));
        List<SparsityPattern> start = rigl.initialPatterns(shapes, new Rng(42));
        Rewirer byHand = Rewirer.builder()
                .cadence(Cadence.every(100, 0, 7_500))
                .dropFraction(Schedule.cosine(0.5, 0, 7_500))
                .distribution(Distribution.erdosRenyiKernel())
                .prune(PruneCriterion.magnitude())
                .grow(GrowCriterion.gradient())
                .build();
        assertEquals(byHand.dropFraction().at(3000), rigl.rewirer().dropFraction().at(3000), 1e-12);
        assertEquals(byHand.cadence(), rigl.rewirer().cadence());

        Rng rng = new Rng(1);
        List<LayerView> views = List.of(
                LayerView.of(Fixtures.param("fc1", start.get(0), rng)).withBatch(Fixtures.batch(784, 8, rng), Fixtures.batch(300, 8, rng)),
                LayerView.of(Fixtures.param("fc2", start.get(1), rng)).withBatch(Fixtures.batch(300, 8, rng), Fixtures.batch(100, 8, rng)));
        RewireReport report = rigl.rewirer().maybeRewire(100, views, new Slots(), rng);
        assertTrue(report.updated());
        assertEquals(Math.round(0.1 * (300 * 784 + 100 * 300)), report.nnz());
        assertEquals(100, report.step());
    }
}
