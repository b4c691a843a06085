package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** The engine's state across steps: owned by the rewirer's parts, moved by remaps, saved and restored exactly. */
class RewireStateTest {
    private static final Rewirer SNFS = Rewirer.builder().cadence(Cadence.every(3)).dropFraction(Schedule.constant(0.3))
            .dropRule(DropRule.overlapCeil()).grow(GrowCriterion.momentum()).build();
    private static final int STEPS = 12;

    /** Two layers, their slots and a run of SNFS over {@link #STEPS} steps with a new batch at every step. */
    private record Run(List<LayerView> layers, Slots slots, List<RewireReport> reports) {
        static Run start(long seed) {
            Rng rng = new Rng(seed);
            List<LayerView> layers = Fixtures.layers(new int[][] {{8, 12}, {6, 8}}, 0.3, Constraint.unstructured(),
                    rng);
            Slots slots = new Slots();
            Fixtures.fillMomentum(slots, layers, rng);
            return new Run(layers, slots, new ArrayList<>());
        }

        /** Steps {@code from .. to} on {@code state}: observe each layer's batch of the step, then maybe rewire. */
        void steps(long from, long to, RewireState state) {
            for (long step = from; step <= to; step++) {
                Rng batches = new Rng(step);
                List<LayerView> views = new ArrayList<>();
                for (int i = 0; i < layers.size(); i++) {
                    LayerView l = layers.get(i);
                    LayerView v = l.withBatch(Fixtures.batch(l.param().cols(), 4, batches),
                            Fixtures.batch(l.param().rows(), 4, batches));
                    state.observe(i, v.activations(), v.outputGrad(), Kernels.defaults());
                    views.add(v);
                }
                RewireReport r = SNFS.maybeRewire(step, views, slots, state, new Rng(99), Kernels.defaults());
                if (r.updated()) {
                    reports.add(r);
                }
            }
        }

        RewireState newState() {
            return SNFS.newState(layers.stream().map(LayerView::param).toList());
        }
    }

    @Test
    void snfsAndTheExplorationRateResumeExactlyFromTheSavedArrays() {
        Run whole = Run.start(5);
        whole.steps(1, STEPS, whole.newState());

        Run resumed = Run.start(5);
        RewireState before = resumed.newState();
        resumed.steps(1, 7, before);
        RewireState after = resumed.newState();
        after.restore(before.arrays());
        resumed.steps(8, STEPS, after);

        Run forgetful = Run.start(5);
        forgetful.steps(1, 7, forgetful.newState());
        forgetful.steps(8, STEPS, forgetful.newState());

        assertEquals(4, whole.reports().size());
        assertEquals(whole.reports(), resumed.reports(), "reports, exploration rates included");
        for (int i = 0; i < 2; i++) {
            assertEquals(whole.layers().get(i).param().pattern(), resumed.layers().get(i).param().pattern());
            assertArrayEquals(whole.layers().get(i).param().values(), resumed.layers().get(i).param().values());
        }
        assertNotEquals(whole.reports(), forgetful.reports(), "a state that is not restored changes the run");
    }

    @Test
    void theStateIsNamedArraysPerLayerAndTheMomentumIsTheDenseGradient() {
        Run run = Run.start(6);
        RewireState state = run.newState();
        assertTrue(state.observesBatches(), "SNFS feeds its dense momentum every step");
        run.steps(1, 1, state);
        List<String> names = state.arrays().stream().map(StateArray::name).toList();
        assertEquals(List.of("everActive/0", "momentum/0", "everActive/1", "momentum/1"), names);
        StateArray.Floats momentum = (StateArray.Floats) state.arrays().get(1);
        LayerView first = run.layers().getFirst();
        Rng batches = new Rng(1);
        LayerView batch = first.withBatch(Fixtures.batch(12, 4, batches), Fixtures.batch(8, 4, batches));
        assertEquals(Fixtures.denseGrad(batch, 3, 5), momentum.values()[3 * 12 + 5], 1e-5);
        RewireState gradientOnly = Rewirer.builder().grow(GrowCriterion.gradient()).build()
                .newState(run.layers().stream().map(LayerView::param).toList());
        assertFalse(gradientOnly.observesBatches());
        assertEquals(List.of("everActive/0", "everActive/1"),
                gradientOnly.arrays().stream().map(StateArray::name).toList());
    }

    @Test
    void everActivePositionsFollowEveryRemapAndSurviveARestore() {
        SparsityPattern first = SparsityPattern.of(2, 40, new int[] {0, 2, 3}, new int[] {0, 39, 5});
        SparsityPattern second = SparsityPattern.of(2, 40, new int[] {0, 1, 3}, new int[] {1, 5, 33});
        EverActive explored = new EverActive(first);
        explored.remap(Remap.between(first, second));
        assertEquals(5, explored.count(), "(0,0) (0,39) (1,5) then (0,1) (1,33)");
        assertEquals(5 / 80.0, explored.rate(), 1e-15);
        EverActive restored = new EverActive(second);
        restored.restore(explored.arrays().getFirst());
        assertEquals(5, restored.count());
        restored.mark(first);
        assertEquals(5, restored.count(), "already marked");
    }

    @Test
    void aRestoreThatDoesNotFitNamesWhatIsWrong() {
        Run run = Run.start(7);
        RewireState state = run.newState();
        List<StateArray> saved = new ArrayList<>(state.arrays());
        saved.removeLast();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> state.restore(saved));
        assertTrue(missing.getMessage().contains("momentum/1"), missing.getMessage());
        saved.add(new StateArray.Floats("momentum/1", new float[3]));
        IllegalArgumentException shortArray = assertThrows(IllegalArgumentException.class,
                () -> state.restore(saved));
        assertTrue(shortArray.getMessage().contains("48"), shortArray.getMessage());
        IllegalStateException unobserved = assertThrows(IllegalStateException.class, () -> SNFS.maybeRewire(3,
                run.layers(), run.slots(), run.newState(), new Rng(1), Kernels.defaults()));
        assertTrue(unobserved.getMessage().contains("observe"), unobserved.getMessage());
    }
}
