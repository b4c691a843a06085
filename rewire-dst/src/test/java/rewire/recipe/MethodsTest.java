package rewire.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.kernel.TopK;
import rewire.nn.SparseParam;
import rewire.optim.Optim;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.Cadence;
import rewire.sparsity.Constraint;
import rewire.sparsity.DropRule;
import rewire.sparsity.Fixtures;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.GrowRequest;
import rewire.sparsity.LayerShape;
import rewire.sparsity.LayerView;
import rewire.sparsity.PruneCriterion;
import rewire.sparsity.RewireReport;
import rewire.sparsity.RewireState;
import rewire.sparsity.Rewirer;
import rewire.sparsity.Scope;
import rewire.sparsity.Selection;
import rewire.tensor.Rng;

/** Faithfulness tests of GMP (I.5), MST (B.6), SNFS (I.4), global ranking, CHTss and CHTs growth (E.3, E.9). */
class MethodsTest {

    private static List<LayerView> model(Recipe recipe, int[][] shapes, long seed) {
        Rng rng = new Rng(seed);
        List<LayerShape> ls = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            ls.add(LayerShape.matrix("fc" + i, shapes[i][0], shapes[i][1]));
        }
        List<SparsityPattern> patterns = recipe.initialPatterns(ls, rng.split());
        List<LayerView> out = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            SparseParam p = Fixtures.param("fc" + i, patterns.get(i), rng);
            out.add(LayerView.of(p).withBatch(Fixtures.batch(shapes[i][1], 4, rng), Fixtures.batch(shapes[i][0], 4, rng)));
        }
        return out;
    }

    @Test
    void gmpHitsTheScheduledCountAtEveryPruningStepAndNeverRegrows() {
        Recipes.Plan plan = new Recipes.Plan(1000, 100, 0.1);
        // T_end = 0.7 of the run = step 700, on the update grid
        Recipe gmp = Recipes.standard().create("gmp", plan, java.util.Map.of("endFraction", "0.7", "deltaT", "50"));
        List<LayerView> layers = model(gmp, new int[][] {{30, 20}, {10, 30}}, 1);
        assertEquals(600 + 300, layers.get(0).param().pattern().nnz() + layers.get(1).param().pattern().nnz());
        long last = Long.MAX_VALUE;
        for (long step = 1; step <= plan.totalSteps(); step++) {
            List<SparsityPattern> before = layers.stream().map(l -> l.param().pattern()).toList();
            RewireReport r = gmp.rewirer().maybeRewire(step, layers, new Slots(), new Rng(2));
            if (!r.updated()) {
                continue;
            }
            int[] targets = gmp.rewirer().targets(step, layers);
            for (int i = 0; i < 2; i++) {
                assertEquals(targets[i], r.layers().get(i).nnz());
                assertEquals(0, r.layers().get(i).grown());
                assertTrue(isSubset(layers.get(i).param().pattern(), before.get(i)), "pruned weights never return");
            }
            assertTrue(r.nnz() <= last);
            last = r.nnz();
        }
        assertEquals(Math.round(0.1 * 600) + Math.round(0.1 * 300), last, "final density reached by T_end");
        assertEquals(0.1, gmp.rewirer().density().at(700), 1e-12);
        assertTrue(gmp.rewirer().isUpdate(700) && !gmp.rewirer().isUpdate(750));
    }

    @Test
    void sparseToDenseGrowsToTheScheduledCountAndNeverPrunes() {
        Recipes.Plan plan = new Recipes.Plan(1000, 100, 0.2);
        Recipe s2d = Recipes.standard().create("sparse-to-dense", plan, java.util.Map.of("endFraction", "0.7",
                "deltaT", "50", "distribution", "er"));
        List<LayerView> layers = model(s2d, new int[][] {{30, 20}, {10, 30}}, 5);
        long last = layers.stream().mapToLong(l -> l.param().pattern().nnz()).sum();
        assertEquals(Math.round(0.2 * 900), last, 2, "starts at the run's density");
        for (long step = 1; step <= plan.totalSteps(); step++) {
            List<SparsityPattern> before = layers.stream().map(l -> l.param().pattern()).toList();
            int[] targets = s2d.rewirer().targets(step, layers);
            RewireReport r = s2d.rewirer().maybeRewire(step, layers, new Slots(), new Rng(6));
            if (!r.updated()) {
                continue;
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(targets[i], r.layers().get(i).nnz());
                assertEquals(0, r.layers().get(i).pruned());
                assertTrue(isSubset(before.get(i), layers.get(i).param().pattern()), "no connection is removed");
            }
            assertTrue(r.nnz() >= last);
            last = r.nnz();
        }
        assertEquals(900, last, "dense by T_end");
        assertTrue(s2d.rewirer().isUpdate(700) && !s2d.rewirer().isUpdate(750));
        assertEquals(0.2, s2d.rewirer().density().at(0), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recipes.standard()
                .create("sparse-to-dense", plan, java.util.Map.of("finalDensity", "0.1")));
        assertTrue(e.getMessage().contains("finalDensity 0.1 must be above the starting density 0.2"), e.getMessage());
    }

    @Test
    void mstWarmsUpHoldsAndRestoresByExactlyTheScheduledDifference() {
        Recipes.Plan plan = new Recipes.Plan(1000, 100, 0.1);
        Recipe mst = Recipes.standard().create("mst", plan, java.util.Map.of("deltaT", "50"));
        List<LayerView> layers = model(mst, new int[][] {{24, 16}, {8, 24}}, 3);
        Slots slots = new Slots();
        boolean fell = false;
        boolean rose = false;
        for (long step = 50; step <= 1000; step += 50) {
            long before = layers.stream().mapToLong(l -> l.param().pattern().nnz()).sum();
            int[] targets = mst.rewirer().targets(step, layers);
            RewireReport r = mst.rewirer().maybeRewire(step, layers, slots, new Rng(4));
            for (int i = 0; i < 2; i++) {
                assertEquals(targets[i], r.layers().get(i).nnz(), "layer " + i + " at step " + step);
            }
            long change = r.nnz() - before;
            assertEquals(Arrays.stream(targets).sum() - before, change);
            fell |= change < 0;
            rose |= change > 0;
        }
        assertTrue(fell && rose, "density falls in the warm-up and rises in the restoration");
        assertEquals(24 * 16 + 8 * 24, layers.stream().mapToLong(l -> l.param().pattern().nnz()).sum(),
                "dense again at the end (final density 1)");
    }

    @Test
    void mixedGrowingTakesThreeQuartersByGradient() {
        Rng rng = new Rng(5);
        LayerView layer = Fixtures.layers(new int[][] {{12, 10}}, 0.3, Constraint.unstructured(), rng).get(0);
        SparsityPattern kept = layer.param().pattern();
        GrowRequest req = GrowRequest.of(layer, kept, kept, kept.nnz() + 14, Constraint.unstructured(), rng,
                Kernels.defaults(), 64);
        Selection mixed = GrowCriterion.gradientRandomMix(3).select(req);
        assertEquals(14, mixed.size());
        // the top floor(3/4 * 14) = 10 free positions by |gradient| are all grown
        TopK top = new TopK(10);
        for (int r = 0; r < 12; r++) {
            for (int c = 0; c < 10; c++) {
                if (!kept.contains(r, c)) {
                    top.offer(Math.abs(Fixtures.denseGrad(layer, r, c)), r * 10L + c);
                }
            }
        }
        for (long p : top.result().positions()) {
            assertTrue(Arrays.stream(mixed.positions()).anyMatch(x -> x == p), "gradient pick " + p);
        }
    }

    @Test
    void snfsRedistributesByMeanMomentumAndGrowsWhereMomentumIsLargest() {
        Rng rng = new Rng(6);
        List<LayerView> layers = new ArrayList<>();
        Slots slots = new Slots();
        Optim.momentum(0.1, 0.9, false).init(List.of(), slots);
        for (int i = 0; i < 2; i++) {
            LayerView l = Fixtures.layers(new int[][] {{10, 10}}, 0.2, Constraint.unstructured(), rng).get(0);
            float[] m = slots.get(l.param(), "momentum");
            Arrays.fill(m, i == 0 ? 3f : -1f);
            layers.add(l);
        }
        Rewirer snfs = Rewirer.builder().cadence(Cadence.once(1)).dropFraction(Schedule.constant(0.5))
                .dropRule(DropRule.overlapCeil()).grow(GrowCriterion.momentum()).build();
        RewireState state = Fixtures.observedState(snfs, layers);
        RewireReport r = snfs.maybeRewire(1, layers, slots, state, new Rng(7), Kernels.defaults());
        // each layer drops ceil(0.5 * 20) = 10; the 20 regrow 3:1 by mean |momentum|
        assertEquals(10, r.layers().get(0).pruned());
        assertEquals(10, r.layers().get(1).pruned());
        assertEquals(15, r.layers().get(0).grown());
        assertEquals(5, r.layers().get(1).grown());
        assertEquals(40, r.nnz(), "total conserved");
        // momentum = dense gradient after one observed batch; growth takes the largest among free positions
        for (int i = 0; i < 2; i++) {
            LayerView l = layers.get(i);
            SparsityPattern now = l.param().pattern();
            float weakestGrown = Float.MAX_VALUE;
            float strongestSkipped = 0;
            for (int row = 0; row < 10; row++) {
                for (int col = 0; col < 10; col++) {
                    float m = Math.abs(Fixtures.denseGrad(l, row, col));
                    boolean grownHere = now.contains(row, col) && l.param().weight().get(row, col) == 0f;
                    if (grownHere) {
                        weakestGrown = Math.min(weakestGrown, m);
                    } else if (!now.contains(row, col)) {
                        strongestSkipped = Math.max(strongestSkipped, m);
                    }
                }
            }
            assertTrue(weakestGrown >= strongestSkipped, "layer " + i + ": " + weakestGrown + " < " + strongestSkipped);
        }
    }

    @Test
    void globalMagnitudePruningUsesOneThresholdAcrossLayers() {
        Rng rng = new Rng(8);
        List<LayerView> layers = Fixtures.layers(new int[][] {{10, 10}, {10, 10}}, 0.5, Constraint.unstructured(), rng);
        float[] big = layers.get(0).param().values();
        for (int e = 0; e < big.length; e++) {
            big[e] *= 10;
        }
        Rewirer global = Rewirer.builder().cadence(Cadence.once(1)).density(Schedule.constant(0.3))
                .grow(GrowCriterion.none()).scope(Scope.GLOBAL).build();
        List<float[]> before = layers.stream().map(l -> l.param().values().clone()).toList();
        RewireReport r = global.maybeRewire(1, layers, new Slots(), new Rng(9));
        assertEquals(60, r.nnz());
        assertTrue(r.layers().get(0).nnz() > r.layers().get(1).nnz(), "the large layer keeps more");
        float smallestKept = Float.MAX_VALUE;
        for (LayerView l : layers) {
            for (float v : l.param().values()) {
                smallestKept = Math.min(smallestKept, Math.abs(v));
            }
        }
        int below = 0;
        for (float[] vs : before) {
            for (float v : vs) {
                below += Math.abs(v) < smallestKept ? 1 : 0;
            }
        }
        assertEquals(100 - 60, below, "exactly the removed weights lie below the smallest kept one");
    }

    @Test
    void shrinkThenDropUsesTheShrinkCriterionFirst() {
        Rng rng = new Rng(10);
        List<LayerView> layers = Fixtures.layers(new int[][] {{8, 10}}, 0.25, Constraint.unstructured(), rng);
        Rewirer chtss = Rewirer.builder().cadence(Cadence.once(1)).density(Schedule.constant(15 / 80.0))
                .dropFraction(Schedule.constant(0.2)).dropRule(DropRule.shrinkThenDrop())
                .shrinkPrune(PruneCriterion.relativeImportance()).grow(GrowCriterion.gradient()).build();
        RewireReport r = chtss.maybeRewire(1, layers, new Slots(), new Rng(11));
        // 20 -> shrink 5 -> drop floor(0.2 * 15) = 3 -> regrow 3
        assertEquals(8, r.layers().get(0).pruned());
        assertEquals(3, r.layers().get(0).grown());
        assertEquals(15, r.nnz());
    }

    @Test
    void sampledGrowthFallsBackToAnOffsetWhenTooFewScoresArePositive() {
        Rng rng = new Rng(12);
        LayerView layer = Fixtures.layers(new int[][] {{4, 5}}, 0.2, Constraint.unstructured(), rng).get(0);
        SparsityPattern kept = layer.param().pattern();
        int free = (int) kept.rows() * kept.cols() - kept.nnz();
        long only = -1;
        for (long p = 0; p < 20 && only < 0; p++) {
            only = kept.contains((int) (p / 5), (int) (p % 5)) ? -1 : p;
        }
        long positive = only;
        GrowCriterion oneHot = GrowCriterion.scored("one-hot", (l, k, kernels) -> (row0, count, out) -> {
            for (int i = 0; i < count * 5; i++) {
                out[i] = (row0 * 5L + i) == positive ? 1f : 0f;
            }
        });
        GrowRequest req = GrowRequest.of(layer, kept, kept, kept.nnz() + 3, Constraint.unstructured(), rng,
                Kernels.defaults(), 64);
        Selection s = GrowCriterion.sampled(oneHot).select(req);
        assertEquals(3, s.size());
        assertTrue(free >= 3 && !s.hasInfiniteKey(), "every pick has a finite key after the offset");
        assertTrue(Arrays.stream(s.positions()).anyMatch(p -> p == positive));
    }

    private static boolean isSubset(SparsityPattern small, SparsityPattern big) {
        int[] idx = small.colIdx();
        for (int r = 0; r < small.rows(); r++) {
            for (int e = small.rowStart(r); e < small.rowEnd(r); e++) {
                if (!big.contains(r, idx[e])) {
                    return false;
                }
            }
        }
        return true;
    }
}
