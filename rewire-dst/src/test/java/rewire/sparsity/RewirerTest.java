package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Hand-computed updates of RigL, SET and MEST (METHODS I.1, I.3, C.5) and engine behaviour. */
class RewirerTest {
    private static final float[][] W = {
        {0.5f, 0, -0.1f, 0},
        {0, 0.8f, 0, 0.05f},
        {-0.9f, 0, 0.3f, 0},
        {0, -0.2f, 0, 0.7f}};

    // dense gradient g[r][c] = dy[r] * x[c]
    private static LayerView handLayer(SparseParam p) {
        Tensor x = Tensor.of(new float[] {1, 0.5f, 0.25f, 2}, 4, 1);
        Tensor dy = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1);
        return LayerView.of(p).withBatch(x, dy);
    }

    private static Rewirer.Builder once(double zeta) {
        return Rewirer.builder().cadence(Cadence.once(1)).dropFraction(Schedule.constant(zeta));
    }

    @Test
    void riglDropsSmallestMagnitudesAndGrowsLargestGradientsIncludingJustPruned() {
        SparseParam p = Fixtures.param("w", W, null);
        Slots slots = new Slots();
        float[] momentum = slots.get(p, "momentum");
        for (int e = 0; e < momentum.length; e++) {
            momentum[e] = e + 1;
        }
        Rewirer rigl = once(0.25).prune(PruneCriterion.magnitude()).grow(GrowCriterion.gradient()).build();
        RewireReport report = rigl.maybeRewire(1, List.of(handLayer(p)), slots, new Rng(7));
        // drop 2: |0.05| at (1,3) and |0.1| at (0,2); grow the 2 largest |g| outside the kept set:
        // (2,3) = 6 and (1,3) = 4, which ties (3,0) = 4 and wins by position; (1,3) is regrown
        SparsityPattern q = p.pattern();
        assertEquals(8, q.nnz(), "nnz conserved");
        assertFalse(q.contains(0, 2));
        assertTrue(q.contains(2, 3) && q.contains(1, 3));
        assertEquals(0f, p.weight().get(2, 3), "new weight starts at zero");
        assertEquals(0.05f, p.weight().get(1, 3), "a regrown weight keeps its value");
        float[] m = slots.get(p, "momentum");
        assertEquals(0f, m[q.indexOf(2, 3)], "new slot starts at zero");
        assertEquals(4f, m[q.indexOf(1, 3)], "regrown slot kept (old entry 3)");
        assertEquals(1f, m[q.indexOf(0, 0)]);
        assertEquals(8f, m[q.indexOf(3, 3)]);
        assertEquals(0f, p.grad()[q.indexOf(2, 3)]);
        RewireReport.Layer l = report.layers().get(0);
        assertEquals(2, l.pruned());
        assertEquals(2, l.grown());
        assertEquals(1, l.regrown());
        assertEquals(9 / 16.0, l.explorationRate(), 1e-12);
    }

    @Test
    void aChangeAfterPruningRemovesMoreAndGrowthRefillsToTheTarget() {
        SparseParam p = Fixtures.param("w", W, null);
        // after dropping the 2 smallest, also remove what is left of row 3 ((3,1) and (3,3))
        AfterPrune emptyRow3 = kept -> {
            boolean[] keep = new boolean[kept[0].nnz()];
            for (int e = 0; e < keep.length; e++) {
                keep[e] = e < kept[0].rowStart(3);  // row 3 is the last
            }
            return new SparsityPattern[] {Patterns.subset(kept[0], keep)};
        };
        Rewirer r = once(0.25).grow(GrowCriterion.gradient()).afterPrune(emptyRow3).build();
        RewireReport report = r.maybeRewire(1, List.of(handLayer(p)), new Slots(), new Rng(7));
        assertEquals(8, p.pattern().nnz(), "growth refills to the count before the update");
        assertEquals(4, report.layers().get(0).pruned(), "2 dropped by magnitude, 2 by the change");

        SparseParam q = Fixtures.param("w", W, null);
        AfterPrune adds = kept -> new SparsityPattern[] {Patterns.full(4, 4)};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> once(0.25).afterPrune(adds).build()
                .maybeRewire(1, List.of(handLayer(q)), new Slots(), new Rng(7)));
        assertEquals("w: the change after pruning added entries; it may only remove them", e.getMessage());
    }

    @Test
    void riglWithoutRegrowingPrunedSkipsTheJustPrunedPosition() {
        SparseParam p = Fixtures.param("w", W, null);
        Rewirer rigl = once(0.25).grow(GrowCriterion.excludingPruned(GrowCriterion.gradient())).build();
        rigl.maybeRewire(1, List.of(handLayer(p)), new Slots(), new Rng(7));
        assertTrue(p.pattern().contains(2, 3) && p.pattern().contains(3, 0));
        assertFalse(p.pattern().contains(1, 3));
    }

    @Test
    void gradientGrowthByTilesEqualsTheFusedKernelAndBruteForce() {
        Rng rng = new Rng(11);
        for (Constraint c : new Constraint[] {Constraint.unstructured(), Constraint.nOfM(2, 4), Constraint.constantFanIn()}) {
            LayerView layer = Fixtures.layers(new int[][] {{9, 12}}, 0.5, c, rng).get(0);
            SparsityPattern full = layer.param().pattern();
            boolean[] keep = c.keep(full, new float[full.nnz()], KeyRule.uniform(), rng, full.nnz() / 2, full.nnz());
            SparsityPattern kept = rewire.sparse.Patterns.subset(full, keep);
            // tiles of two rows
            GrowRequest req = GrowRequest.of(layer, kept, kept, full.nnz(), c, rng, rewire.kernel.Kernels.defaults(),
                    12 * 2);
            assertTrue(req.count() > 0);
            Selection fused = GrowCriterion.gradient().select(req);
            Selection tiled = c.select(kept, kept, req.quota(), new GradientScorer().scores(layer, kept,
                    rewire.kernel.Kernels.defaults()), KeyRule.top(), rng, 12 * 2);
            assertArrayEquals(tiled.positions(), fused.positions(), c.name());
            if (c == Constraint.unstructured()) {
                // brute force: the largest |g| outside the pattern
                float worstPicked = Float.MAX_VALUE;
                for (long pos : fused.positions()) {
                    worstPicked = Math.min(worstPicked, Math.abs(Fixtures.denseGrad(layer, (int) (pos / 12), (int) (pos % 12))));
                }
                int better = 0;
                for (int r = 0; r < 9; r++) {
                    for (int col = 0; col < 12; col++) {
                        if (!kept.contains(r, col) && Math.abs(Fixtures.denseGrad(layer, r, col)) > worstPicked * (1 + 1e-5f)) {
                            better++;
                        }
                    }
                }
                assertTrue(better < fused.size(), "only picked positions beat the worst pick");
            }
        }
    }

    @Test
    void setPrunesNearestZeroPerSignAndRegrowsAtRandomFreePositions() {
        SparseParam p = Fixtures.param("w", W, null);
        Rewirer set = once(0.5).prune(PruneCriterion.set()).grow(GrowCriterion.random()).build();
        SparsityPattern before = p.pattern();
        RewireReport r = set.maybeRewire(1, List.of(LayerView.of(p)), new Slots(), new Rng(5));
        // 5 positives, 3 negatives; zeta 0.5 removes 4 split 2 + 2 (quota 4 * 5 / 8 = 2.5):
        // positives 0.05 (1,3) and 0.3 (2,2), negatives -0.1 (0,2) and -0.2 (3,1), nearest zero on each side
        for (int[] rc : new int[][] {{0, 0}, {1, 1}, {2, 0}, {3, 3}}) {
            assertTrue(p.pattern().contains(rc[0], rc[1]), "kept " + rc[0] + "," + rc[1]);
        }
        assertEquals(4, r.layers().get(0).pruned());
        assertEquals(8, p.pattern().nnz());
        int fresh = 0;
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                if (p.pattern().contains(row, col) && !before.contains(row, col)) {
                    fresh++;
                    assertEquals(0f, p.weight().get(row, col));
                }
            }
        }
        assertEquals(4 - r.layers().get(0).regrown(), fresh);
    }

    @Test
    void mestPrunesBySumOfMagnitudeAndGradient() {
        float[][] grad = {
            {0.1f, 0, 2.0f, 0},
            {0, 0.1f, 0, 0.01f},
            {0.5f, 0, 0.05f, 0},
            {0, 0.05f, 0, 0.3f}};
        SparseParam p = Fixtures.param("w", W, grad);
        // |w| + |g|: 0.6, 2.1, 0.9, 0.06, 1.4, 0.35, 0.25, 1.0 -> drop (1,3) 0.06, (3,1) 0.25, (2,2) 0.35
        Rewirer mest = once(0.375).dropRule(DropRule.overlapCeil()).prune(PruneCriterion.mest(1.0))
                .grow(GrowCriterion.none()).build();
        mest.maybeRewire(1, List.of(LayerView.of(p)), new Slots(), new Rng(5));
        assertEquals(5, p.pattern().nnz());
        assertFalse(p.pattern().contains(1, 3) || p.pattern().contains(3, 1) || p.pattern().contains(2, 2));
        assertTrue(p.pattern().contains(0, 2), "magnitude alone would drop (0,2); its gradient saves it");
    }

    @Test
    void noUpdateOffCadenceOrAfterTheEnd() {
        SparseParam p = Fixtures.param("w", W, null);
        Rewirer rigl = Rewirer.builder().cadence(Cadence.every(100, 0, 750)).dropFraction(Schedule.cosine(0.3, 0, 750))
                .grow(GrowCriterion.gradient()).build();
        SparsityPattern before = p.pattern();
        for (long step : new long[] {0, 50, 750, 800, 1000}) {
            RewireReport r = rigl.maybeRewire(step, List.of(handLayer(p)), new Slots(), new Rng(1));
            assertFalse(r.updated());
            assertTrue(r.layers().isEmpty());
        }
        assertEquals(before, p.pattern());
        assertTrue(rigl.maybeRewire(700, List.of(handLayer(p)), new Slots(), new Rng(1)).updated());
    }

    @Test
    void sameSeedSameTopologyAndTheCallerRngIsNotAdvanced() {
        Rng rng = new Rng(99);
        long state = rng.state();
        Rewirer set = once(0.3).grow(GrowCriterion.random()).build();
        SparseParam a = Fixtures.param("w", Fixtures.layers(new int[][] {{20, 30}}, 0.2, Constraint.unstructured(),
                new Rng(1)).get(0).param().pattern(), new Rng(2));
        SparseParam b = Fixtures.param("w", a.pattern(), new Rng(2));
        set.maybeRewire(1, List.of(LayerView.of(a)), new Slots(), rng);
        set.maybeRewire(1, List.of(LayerView.of(b)), new Slots(), rng);
        assertEquals(a.pattern(), b.pattern());
        assertEquals(state, rng.state());
        SparseParam c = Fixtures.param("w", Fixtures.layers(new int[][] {{20, 30}}, 0.2, Constraint.unstructured(),
                new Rng(1)).get(0).param().pattern(), new Rng(2));
        set.maybeRewire(1, List.of(LayerView.of(c)), new Slots(), new Rng(100));
        assertFalse(a.pattern().equals(c.pattern()), "another seed, another topology");
    }

    @Test
    void gradientGrowthWithoutABatchSaysWhatIsMissing() {
        SparseParam p = Fixtures.param("fc1.weight", W, null);
        Rewirer rigl = once(0.25).grow(GrowCriterion.gradient()).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rigl.maybeRewire(1, List.of(LayerView.of(p)), new Slots(), new Rng(1)));
        assertTrue(e.getMessage().contains("fc1.weight") && e.getMessage().contains("withBatch"));
    }

    @Test
    void invalidConfigurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Rewirer.builder().scope(Scope.GLOBAL)
                .constraint(Constraint.nOfM(2, 4)).build());
        assertThrows(IllegalArgumentException.class, () -> Rewirer.builder().scope(Scope.GLOBAL)
                .grow(GrowCriterion.gradientRandomMix(3)).build());
        assertThrows(IllegalArgumentException.class, () -> Rewirer.builder().grow(GrowCriterion.momentum())
                .density(Schedule.constant(0.1)).build());
        SparseParam p = Fixtures.param("w", W, null);
        Rewirer nm = once(0.3).constraint(Constraint.nOfM(1, 4)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> nm.maybeRewire(1, List.of(LayerView.of(p)), new Slots(), new Rng(1)));
        assertTrue(e.getMessage().contains("before the update"));
    }

    @Test
    void skipStepFlagFollowsTheCadence() {
        Rewirer r = Rewirer.builder().cadence(Cadence.every(10)).skipOptimizerStep(true).build();
        assertTrue(r.skipsOptimizerStepAt(20));
        assertFalse(r.skipsOptimizerStepAt(21));
        assertFalse(r.toBuilder().skipOptimizerStep(false).build().skipsOptimizerStepAt(20));
    }

    @Test
    void initialPatternsFollowTheDistributionAndConstraint() {
        List<LayerShape> shapes = List.of(LayerShape.matrix("a", 8, 16), LayerShape.matrix("b", 4, 8));
        Rewirer r = Rewirer.builder().constraint(Constraint.nOfM(1, 4)).build();
        List<SparsityPattern> ps = r.initialPatterns(shapes, 0.25, new Rng(1));
        assertEquals(32, ps.get(0).nnz());
        assertTrue(Constraint.nOfM(1, 4).isSatisfiedBy(ps.get(1)));
        List<SparsityPattern> er = Rewirer.builder().distribution(Distribution.erdosRenyi()).build()
                .initialPatterns(shapes, 0.25, new Rng(1));
        assertEquals(Math.round(0.25 * (128 + 32)), er.get(0).nnz() + er.get(1).nnz());
    }

    @Test
    void reportTotalsAndPlainForm() {
        RewireReport r = new RewireReport(5, true, List.of(
                new RewireReport.Layer("fc1", 2, 3, 4, 1, 1, 0, 4, 0, Double.NaN, 120),
                new RewireReport.Layer("fc2", 3, 1, 2, 1, 1, 0, 2, 0, Double.NaN, 7)));
        Map<String, Object> plain = r.layers().get(0).toPlain();
        assertEquals(List.of("name", "nnzBefore", "pruned", "grown", "regrown", "nnz", "density", "emptyRows",
                "explorationRate", "scoringFlops"), List.copyOf(plain.keySet()));
        assertEquals(120L, plain.get("scoringFlops"));
        assertEquals(127, r.scoringFlops());
        assertEquals(4, plain.get("nnzBefore"));
        assertEquals(4 / 6.0, (double) plain.get("density"), 1e-12);
        assertNull(plain.get("explorationRate"));
        assertEquals(6, r.nnz());
        assertEquals(6 / 9.0, r.density(), 1e-12);
    }
}
