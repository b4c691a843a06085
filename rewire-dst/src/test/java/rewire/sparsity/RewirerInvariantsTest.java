package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

import static rewire.tensor.RandomCases.doubleBetween;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;


/** The invariants of METHODS Appendix 1 over random layers, criteria, growers, constraints and scopes. */
class RewirerInvariantsTest {
    private static final PruneCriterion[] PRUNE = {PruneCriterion.magnitude(), PruneCriterion.set(),
        PruneCriterion.setEqualSplit(), PruneCriterion.mest(1), PruneCriterion.snip(), PruneCriterion.sensitivity(),
        PruneCriterion.reciprocalSensitivity(), PruneCriterion.taylor(), PruneCriterion.random(),
        PruneCriterion.relativeImportance(), PruneCriterion.soft(PruneCriterion.magnitude(), Schedule.constant(3))};
    private static final GrowCriterion[] GROW = {GrowCriterion.random(), GrowCriterion.gradient(),
        GrowCriterion.gradientRandomMix(3), GrowCriterion.sampled(GrowCriterion.gradient()),
        GrowCriterion.excludingPruned(GrowCriterion.random()), GrowCriterion.excludingPruned(GrowCriterion.gradient())};
    private static final Constraint[] CONSTRAINTS = {Constraint.unstructured(), Constraint.constantFanIn(),
        Constraint.nOfM(2, 4), Constraint.block(2, 2), Constraint.diagonal()};

    /** A model built twice from the same seeds, so runs can be compared. */
    private record Model(List<LayerView> layers, Slots slots) {
        static Model of(long seed, int layerCount, Constraint constraint, double density) {
            Rng rng = new Rng(seed);
            int[][] shapes = new int[layerCount][];
            for (int i = 0; i < layerCount; i++) {
                // multiples of 4 keep every constraint's shape valid
                shapes[i] = new int[] {4 * (1 + rng.nextInt(5)), 4 * (1 + rng.nextInt(5))};
            }
            List<LayerView> layers = Fixtures.layers(shapes, density, constraint, rng);
            Slots slots = new Slots();
            Fixtures.fillMomentum(slots, layers, rng);
            return new Model(layers, slots);
        }
    }

    private record Snapshot(SparsityPattern pattern, float[] values, float[] grad, float[] momentum) {
        static Snapshot of(LayerView l, Slots slots) {
            SparseParam p = l.param();
            return new Snapshot(p.pattern(), p.values().clone(), p.grad().clone(), slots.get(p, Fixtures.MOMENTUM).clone());
        }
    }

    @Test
    void oneUpdateKeepsEveryInvariant() {
        forEachSeed(206, 300, rng -> oneUpdate(rng.nextLong(), intBetween(rng, 1, 3), intBetween(rng, 0, 4),
                intBetween(rng, 0, PRUNE.length - 1), intBetween(rng, 0, GROW.length - 1), doubleBetween(rng, 0.05, 0.5),
                doubleBetween(rng, 0, 1), rng.nextInt(2) == 0, rng.nextInt(2) == 0));
    }

    private static void oneUpdate(long seed, int layerCount, int constraintIndex, int pruneIndex, int growIndex,
                                  double density, double zeta, boolean global, boolean scheduled) {
        Constraint constraint = CONSTRAINTS[constraintIndex];
        GrowCriterion grow = GROW[growIndex];
        boolean globalScope = global && constraint == Constraint.unstructured() && grow.asScored() != null;
        Rewirer.Builder b = Rewirer.builder().cadence(Cadence.every(10)).dropFraction(Schedule.constant(zeta))
                .prune(PRUNE[pruneIndex]).grow(grow).constraint(constraint)
                .scope(globalScope ? Scope.GLOBAL : Scope.PER_LAYER).distribution(Distribution.erdosRenyi());
        if (scheduled) {
            b.density(Schedule.constant(density * 0.8));
        }
        Rewirer rewirer = b.build();
        Model model = Model.of(seed, layerCount, constraint, density);
        int[] targets = rewirer.targets(10, model.layers());
        List<Snapshot> before = model.layers().stream().map(l -> Snapshot.of(l, model.slots())).toList();
        RewireReport report = rewirer.maybeRewire(10, model.layers(), model.slots(), new Rng(seed + 1));

        long totalBefore = 0;
        long totalAfter = 0;
        long totalTarget = 0;
        for (int i = 0; i < layerCount; i++) {
            LayerView l = model.layers().get(i);
            RewireReport.Layer r = report.layers().get(i);
            checkLayer(before.get(i), l, model.slots(), r, constraint);
            totalBefore += before.get(i).pattern().nnz();
            totalAfter += l.param().pattern().nnz();
            totalTarget += targets[i];
            if (!globalScope && grow.regrowsPruned()) {
                assertEquals(targets[i], l.param().pattern().nnz(), "layer " + i + " reaches its target");
            }
        }
        if (grow.regrowsPruned()) {
            assertEquals(totalTarget, totalAfter, "total reaches the target");
            if (!scheduled) {
                assertEquals(totalBefore, totalAfter, "nnz conserved without a density schedule");
            }
        } else {
            // growth outside the whole old pattern can run out of room in a nearly full layer
            assertTrue(totalAfter <= totalTarget, "never above the target");
        }

        Model again = Model.of(seed, layerCount, constraint, density);
        rewirer.maybeRewire(10, again.layers(), again.slots(), new Rng(seed + 1));
        for (int i = 0; i < layerCount; i++) {
            assertEquals(model.layers().get(i).param().pattern(), again.layers().get(i).param().pattern(), "same seed, same topology");
            assertArrayEquals(model.layers().get(i).param().values(), again.layers().get(i).param().values());
        }
    }

    private static void checkLayer(Snapshot old, LayerView l, Slots slots, RewireReport.Layer r, Constraint c) {
        SparseParam p = l.param();
        SparsityPattern now = p.pattern();
        assertNull(c.violation(now), "constraint holds after the update");
        float[] momentum = slots.get(p, Fixtures.MOMENTUM);
        int removed = 0;
        int added = 0;
        int[] idx = now.colIdx();
        for (int row = 0; row < now.rows(); row++) {
            for (int e = now.rowStart(row); e < now.rowEnd(row); e++) {
                int o = old.pattern().indexOf(row, idx[e]);
                if (o >= 0) {
                    // kept entries move bit for bit
                    assertEquals(Float.floatToRawIntBits(old.values()[o]), Float.floatToRawIntBits(p.values()[e]));
                    assertEquals(Float.floatToRawIntBits(old.grad()[o]), Float.floatToRawIntBits(p.grad()[e]));
                    assertEquals(Float.floatToRawIntBits(old.momentum()[o]), Float.floatToRawIntBits(momentum[e]));
                } else {
                    added++;
                    assertEquals(0f, p.values()[e], "grown weight starts at the zero init");
                    assertEquals(0f, p.grad()[e]);
                    assertEquals(0f, momentum[e], "grown slot is zero");
                }
            }
        }
        removed = old.pattern().nnz() - (now.nnz() - added);
        assertEquals(r.pruned() - r.regrown(), removed, "pruned entries come from the old pattern");
        assertEquals(r.grown() - r.regrown(), added, "grown entries are new or regrown, never kept");
        assertEquals(r.nnzBefore() - r.pruned() + r.grown(), r.nnz(), "grown set disjoint from kept entries");
        assertTrue(r.explorationRate() >= r.density() - 1e-12 && r.explorationRate() <= 1);
    }

    @Test
    void repeatedUpdatesStayConsistentAndExplorationOnlyGrows() {
        forEachSeed(207, 60, rng -> repeatedUpdates(rng.nextLong(), intBetween(rng, 0, 4),
                intBetween(rng, 0, GROW.length - 1)));
    }

    private static void repeatedUpdates(long seed, int constraintIndex, int growIndex) {
        Constraint constraint = CONSTRAINTS[constraintIndex];
        Rewirer rewirer = Rewirer.builder().cadence(Cadence.every(1)).dropFraction(Schedule.cosine(0.5, 0, 20))
                .grow(GROW[growIndex]).constraint(constraint).build();
        Model model = Model.of(seed, 2, constraint, 0.3);
        RewireState state = rewirer.newState(model.layers().stream().map(LayerView::param).toList());
        long nnz = model.layers().stream().mapToLong(l -> l.param().pattern().nnz()).sum();
        double[] explored = new double[2];
        for (long step = 1; step <= 8; step++) {
            RewireReport r = rewirer.maybeRewire(step, model.layers(), model.slots(), state, new Rng(seed),
                    Kernels.defaults());
            assertEquals(nnz, r.nnz());
            for (int i = 0; i < 2; i++) {
                assertTrue(r.layers().get(i).explorationRate() >= explored[i]);
                explored[i] = r.layers().get(i).explorationRate();
                assertNull(constraint.violation(model.layers().get(i).param().pattern()));
            }
        }
    }
}
