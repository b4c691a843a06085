package rewire.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.Fixtures;
import rewire.sparsity.LayerShape;
import rewire.sparsity.LayerView;
import rewire.sparsity.RewireReport;
import rewire.sparsity.RewireState;
import rewire.sparsity.SrSte;
import rewire.sparsity.ch.BipartiteReceptiveField;
import rewire.tensor.Rng;

/** Every registered recipe builds and runs a whole short schedule on a small model. */
class RecipesTest {
    private static final Recipes.Plan PLAN = new Recipes.Plan(200, 20, 0.2);
    private static final Recipes RECIPES = Recipes.standard();

    private record Run(List<LayerView> layers, Slots slots, long startNnz, List<RewireReport> reports) {
        long nnz() {
            return layers.stream().mapToLong(l -> l.param().pattern().nnz()).sum();
        }
    }

    private static Run run(Recipe recipe) {
        Rng rng = new Rng(17);
        List<LayerShape> shapes = List.of(LayerShape.matrix("fc0", 16, 12), LayerShape.matrix("fc1", 8, 16));
        List<SparsityPattern> patterns = recipe.initialPatterns(shapes, rng.split());
        List<LayerView> layers = new ArrayList<>();
        Slots slots = new Slots();
        for (int i = 0; i < shapes.size(); i++) {
            SparseParam p = Fixtures.param(shapes.get(i).name(), patterns.get(i), rng);
            layers.add(LayerView.of(p).withBatch(Fixtures.batch(shapes.get(i).cols(), 3, rng),
                    Fixtures.batch(shapes.get(i).rows(), 3, rng)));
        }
        RewireState state = Fixtures.observedState(recipe.rewirer(), layers);
        Fixtures.fillMomentum(slots, layers, rng);
        long start = layers.stream().mapToLong(l -> l.param().pattern().nnz()).sum();
        List<RewireReport> reports = new ArrayList<>();
        for (long step = 1; step <= PLAN.totalSteps(); step++) {
            RewireReport r = recipe.rewirer().maybeRewire(step, layers, slots, state, rng, Kernels.defaults());
            if (r.updated()) {
                reports.add(r);
            }
        }
        return new Run(layers, slots, start, reports);
    }

    @Test
    void everyRecipeRunsItsWholeScheduleWithDocumentedOptions() {
        Set<String> constantDensity = Set.of("set", "rigl", "snfs", "fw", "mest", "random", "cht", "chts");
        for (String name : RECIPES.names()) {
            Recipes.Spec<?> spec = RECIPES.spec(name);
            assertFalse(spec.paper().isBlank());
            spec.options().forEach(o -> assertFalse(o.doc().isBlank(), name + "." + o.key()));
            // Fantastic Weights' deltaT of 800 exceeds this short plan
            Map<String, String> options = spec.options().stream().anyMatch(o -> o.key().equals("deltaT")
                    && Integer.parseInt(o.defaultValue()) > 100) ? Map.of("deltaT", "50") : Map.of();
            Recipe recipe = RECIPES.create(name, PLAN, options);
            Run run = run(recipe);
            if (constantDensity.contains(name)) {
                assertFalse(run.reports().isEmpty(), name + " updates");
                assertEquals(run.startNnz(), run.nnz(), name + " conserves nnz");
                assertTrue(run.reports().stream().anyMatch(r -> r.grown() > 0), name + " grows");
            }
        }
    }

    @Test
    void variableDensityRecipesEndWhereTheirSchedulesSay() {
        Run gmp = run(RECIPES.create("gmp", PLAN));
        assertEquals(Math.round(0.2 * 192) + Math.round(0.2 * 128), gmp.nnz());
        assertEquals(192 + 128, gmp.startNnz(), "GMP starts dense");
        Run chtss = run(RECIPES.create("chtss", PLAN));
        assertEquals(Math.round(0.5 * 320), chtss.startNnz());
        assertEquals(Math.round(0.2 * 320), chtss.nnz(), "CHTss decays to the target density");
        Run mst = run(RECIPES.create("mst", PLAN));
        assertEquals(320, mst.nnz(), "MST restores to dense");
        assertTrue(mst.reports().stream().mapToLong(RewireReport::nnz).min().orElseThrow() <= Math.round(0.2 * 320) + 2);
        Run fixed = run(RECIPES.create("static", PLAN));
        assertTrue(fixed.reports().isEmpty());
    }

    @Test
    void setKeepsTheOutputLayerDenseAndRiglStopsAtTEnd() {
        Recipe set = RECIPES.create("set", PLAN);
        Run run = run(set);
        assertEquals(128, run.layers().get(1).param().pattern().nnz());
        Recipe rigl = RECIPES.create("rigl", PLAN);
        assertTrue(rigl.rewirer().isUpdate(100));
        assertFalse(rigl.rewirer().isUpdate(150), "T_end = 0.75 * 200");
        assertEquals(0.15, rigl.rewirer().dropFraction().at(75), 1e-12);
    }

    @Test
    void fantasticWeightsGridBuildsEveryCriterionWithEitherGrower() {
        for (String prune : List.of("set", "magnitude", "mest", "snip", "rsensitivity", "sensitivity", "taylor",
                "random", "set-equal-split")) {
            for (String grow : List.of("random", "gradient")) {
                Recipe r = RECIPES.create("fw", PLAN, Map.of("prune", prune, "grow", grow, "deltaT", "40"));
                assertEquals("fw[deltaT=40,grow=" + grow + ",prune=" + prune + "]", r.name());
                Run run = run(r);
                assertEquals(5, run.reports().size(), "steps 40, 80, ..., 200");
                assertTrue(run.reports().stream().allMatch(rep -> rep.grown() == rep.pruned()));
                assertEquals(run.startNnz(), run.nnz());
            }
        }
    }

    @Test
    void constraintsApplyThroughOptions() {
        for (String c : List.of("fan-in", "2:4", "block:2x2", "diagonal")) {
            Recipe r = RECIPES.create("rigl", PLAN, Map.of("constraint", c));
            Run run = run(r);
            for (LayerView l : run.layers()) {
                assertNull(r.rewirer().constraint().violation(l.param().pattern()), c);
            }
        }
    }

    @Test
    void chRecipesGrowByCannistraciHebbLinkPrediction() {
        assertEquals("ch2-l3n", Recipes.standard().create("chts", PLAN).rewirer().grow().name());
        assertEquals("ch3-l3n",
                Recipes.standard().create("cht", PLAN, Map.of("grower", "ch3")).rewirer().grow().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recipes.standard().create("chts", PLAN, Map.of("grower", "ch9")));
        assertTrue(e.getMessage().contains("option grower = 'ch9'") && e.getMessage().contains("did you mean 'ch'"),
                e.getMessage());
        Recipe sampled = RECIPES.create("chts", PLAN, Map.of("regrowSampling", "proportional"));
        assertTrue(sampled.rewirer().grow().name().startsWith("sampled-"));
        assertTrue(sampled.rewirer().skipOptimizerStep());
    }

    @Test
    void chtsDrawsABipartiteReceptiveFieldAndRemovesChainsWhenAsked() {
        Recipe brf = RECIPES.create("chts", PLAN, Map.of("topology", "brf", "brfRandomness", "0.5"));
        List<LayerShape> shapes = List.of(LayerShape.matrix("fc0", 16, 12), LayerShape.matrix("fc1", 8, 16));
        Rng rng = new Rng(3);
        List<SparsityPattern> patterns = brf.initialPatterns(shapes, rng);
        for (int i = 0; i < shapes.size(); i++) {
            LayerShape s = shapes.get(i);
            int nnz = patterns.get(i).nnz();
            assertEquals(Math.round(0.2 * s.rows() * s.cols()), nnz, "uniform split at density 0.2");
            assertEquals(BipartiteReceptiveField.pattern(s.rows(), s.cols(), (double) nnz / (s.rows() * s.cols()),
                    0.5, rng.fold(i)), patterns.get(i));
        }
        assertNull(RECIPES.create("chts", PLAN).rewirer().topology(), "random topology by default");

        Recipe chains = RECIPES.create("chts", PLAN, Map.of("chainRemoval", "true"));
        assertNotNull(chains.rewirer().afterPrune());
        Run run = run(chains);
        assertEquals(run.startNnz(), run.nnz(), "links removed with a dead neuron are regrown elsewhere");
        assertFalse(run.reports().isEmpty());
    }

    @Test
    void nmSrSteIsADenseHook() {
        Recipe nm = RECIPES.create("nm-srste", PLAN);
        assertNotNull(nm.srSte());
        assertEquals(new SrSte(2, 4, 2e-4), nm.srSte());
        assertEquals(1.0, nm.initialDensity());
        assertFalse(nm.rewirer().isUpdate(100));
    }

    @Test
    void unknownNamesAndOptionsAreRejectedWithTheValidOnes() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> RECIPES.create("nope", PLAN));
        assertTrue(a.getMessage().contains("rigl"));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> RECIPES.create("rigl", PLAN, Map.of("zetta", "0.5")));
        assertTrue(b.getMessage().contains("zeta"));
        assertThrows(IllegalArgumentException.class, () -> RECIPES.create("rigl", PLAN, Map.of("zeta", "x")));
        assertThrows(IllegalArgumentException.class, () -> RECIPES.create("fw", PLAN, Map.of("prune", "bogus")));
        assertThrows(IllegalArgumentException.class, () -> new Recipes.Plan(0, 1, 0.1));
    }
}
