package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * ADAPT's control of a density (METHODS.md D.2 and the tests of D.5): the decision rule on
 * synthetic signals, and the updates it makes through the engine with global magnitude pruning
 * and global gradient growth over several layers.
 */
class DensityControlTest {
    private static final double LOW = 0.45;
    private static final double HIGH = 0.55;
    private static final double STEP = 0.05;
    private static final int[][] SHAPES = {{40, 30}, {25, 60}, {10, 80}};

    private final double[] signal = {Double.NaN};

    private DensityControl relaxed(double start) {
        return new DensityControl(() -> signal[0], start, LOW, HIGH, STEP, 0.05, 1.0, null);
    }

    private DensityControl strict(double start) {
        return new DensityControl(() -> signal[0], start, LOW, HIGH, STEP, 0.05, 0.5, Schedule.constant(0.3));
    }

    @Test
    void raisesExactlyAtTheUpperBoundLowersExactlyAtTheLowerAndHoldsBetween() {
        DensityControl c = relaxed(0.3);
        DensityControl.State s = c.newState();
        double[][] cases = {{HIGH, 1}, {HIGH + 0.2, 1}, {Math.nextDown(HIGH), 0}, {0.5, 0}, {Math.nextUp(LOW), 0},
            {LOW, -1}, {LOW - 0.3, -1}, {Double.NaN, 0}};
        for (double[] k : cases) {
            signal[0] = k[0];
            DensityControl.Decision d = c.decide(1, s);
            DensityControl.Action expected = k[1] > 0 ? DensityControl.Action.GROW
                    : k[1] < 0 ? DensityControl.Action.PRUNE : DensityControl.Action.HOLD;
            assertEquals(expected, d.action(), "signal " + k[0]);
            assertEquals(0.3 + k[1] * STEP, d.density(), 1e-6, "signal " + k[0]);
            assertEquals(0.0, d.dropFraction());
        }
    }

    /** Over a long random signal the density never leaves [0.05, cap], and moves by one step at a time. */
    @Test
    void staysInsideTheFloorAndTheCap() {
        for (DensityControl c : List.of(relaxed(0.1), strict(0.1))) {
            DensityControl.State s = c.newState();
            Rng rng = new Rng(31);
            for (int t = 0; t < 2000; t++) {
                signal[0] = rng.nextDouble() < 0.5 ? 0.2 : 0.9;
                DensityControl.Decision d = c.decide(t, s);
                assertTrue(d.density() >= 0.05 - 1e-7 && d.density() <= c.cap() + 1e-7, "step " + t + ": " + d);
                assertTrue(Math.abs(d.density() - s.density()) <= STEP + 1e-6, "step " + t + ": " + d);
                s.set(d.density());
            }
        }
    }

    /** Float rounding of repeated steps never leaves a step that changes nothing before a bound. */
    @Test
    void repeatedStepsLandOnTheBoundsThenHold() {
        for (double start : new double[] {0.3, 0.35, 0.1, 0.95}) {
            DensityControl c = relaxed(start);
            DensityControl.State s = c.newState();
            for (double signalValue : new double[] {0.0, 1.0}) {
                signal[0] = signalValue;
                for (int t = 0; t < 40; t++) {
                    DensityControl.Decision d = c.decide(t, s);
                    if (d.action() == DensityControl.Action.HOLD) {
                        break;
                    }
                    assertTrue(Math.abs(d.density() - s.density()) > 0.04, "start " + start + ": " + d);
                    s.set(d.density());
                }
                assertEquals(signalValue == 0 ? 0.05f : 1f, s.density(), "start " + start);
            }
        }
    }

    @Test
    void atTheCapTheStrictVariantExchangesAndTheRelaxedOneHolds() {
        signal[0] = 0.9;
        DensityControl strict = strict(0.45);
        DensityControl.State s = strict.newState();
        DensityControl.Decision up = strict.decide(5, s);
        assertEquals(DensityControl.Action.GROW, up.action());
        assertEquals(0.5, up.density(), 1e-6);
        s.set(up.density());
        DensityControl.Decision exchange = strict.decide(6, s);
        assertEquals(DensityControl.Action.EXCHANGE, exchange.action());
        assertEquals(0.5, exchange.density(), 1e-6);
        assertEquals(0.3, exchange.dropFraction());
        DensityControl relaxed = relaxed(1.0);
        assertEquals(DensityControl.Action.HOLD, relaxed.decide(6, relaxed.newState()).action());
        signal[0] = 0.0;
        DensityControl floor = relaxed(0.05);
        assertEquals(DensityControl.Action.HOLD, floor.decide(6, floor.newState()).action(), "at the floor");
    }

    @Test
    void rejectsABandOrBoundsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new DensityControl(() -> 0, 0.3, 0.6, 0.5, STEP, 0.05, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new DensityControl(() -> 0, 0.6, LOW, HIGH, STEP, 0.05, 0.5, null));
        assertThrows(IllegalArgumentException.class, () -> new DensityControl(() -> 0, 0.3, LOW, HIGH, 0, 0.05, 1, null));
        assertThrows(IllegalArgumentException.class, () -> Rewirer.builder().control(relaxed(0.3))
                .density(Schedule.constant(0.3)).build());
    }

    private Rewirer adapt(DensityControl control) {
        return Rewirer.builder().cadence(Cadence.every(10)).control(control).scope(Scope.GLOBAL)
                .distribution(Distribution.erdosRenyi()).prune(PruneCriterion.magnitude())
                .grow(GrowCriterion.gradient()).build();
    }

    private static long total(List<LayerView> layers) {
        return layers.stream().mapToLong(l -> l.param().pattern().nnz()).sum();
    }

    private static long size(List<LayerView> layers) {
        return layers.stream().mapToLong(l -> (long) l.param().rows() * l.param().cols()).sum();
    }

    /**
     * Growth adds exactly δ·N connections over all layers (the reference logs a mismatch beyond ±20;
     * here it is exact up to rounding), picked by the largest dense gradient over every layer;
     * nothing is pruned and every kept weight keeps its value.
     */
    @Test
    void growthAddsDeltaTimesTheTotalByGlobalGradient() {
        Rng rng = new Rng(5);
        List<LayerView> layers = Fixtures.layers(SHAPES, 0.2, Constraint.unstructured(), rng);
        Rewirer r = adapt(relaxed(0.2));
        RewireState state = r.newState(layers.stream().map(LayerView::param).toList());
        long before = total(layers);
        List<SparsityPattern> old = layers.stream().map(l -> l.param().pattern()).toList();
        signal[0] = 0.9;
        RewireReport report = r.maybeRewire(10, layers, new Slots(), state, rng, Kernels.defaults());
        assertTrue(report.updated());
        long grown = total(layers) - before;
        assertEquals(Math.round(STEP * size(layers)), grown, 1.0);
        assertEquals(0, report.layers().stream().mapToInt(RewireReport.Layer::pruned).sum());
        assertEquals(0.25, state.controlledDensity(), 1e-6);
        // the smallest grown score is at least the largest score left outside, over all layers
        float weakestGrown = Float.MAX_VALUE;
        float strongestLeft = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerView l = layers.get(i);
            for (int row = 0; row < l.param().rows(); row++) {
                for (int col = 0; col < l.param().cols(); col++) {
                    if (old.get(i).contains(row, col)) {
                        assertTrue(l.param().pattern().contains(row, col), "nothing pruned");
                        continue;
                    }
                    float g = Math.abs(Fixtures.denseGrad(l, row, col));
                    if (l.param().pattern().contains(row, col)) {
                        weakestGrown = Math.min(weakestGrown, g);
                    } else {
                        strongestLeft = Math.max(strongestLeft, g);
                    }
                }
            }
        }
        assertTrue(weakestGrown >= strongestLeft, weakestGrown + " < " + strongestLeft);
    }

    /** Pruning removes δ·N connections, the smallest magnitudes over all layers, and grows none. */
    @Test
    void pruningRemovesDeltaTimesTheTotalByGlobalMagnitude() {
        Rng rng = new Rng(6);
        List<LayerView> layers = Fixtures.layers(SHAPES, 0.3, Constraint.unstructured(), rng);
        Rewirer r = adapt(relaxed(0.3));
        RewireState state = r.newState(layers.stream().map(LayerView::param).toList());
        List<Float> all = new ArrayList<>();
        layers.forEach(l -> {
            for (float w : l.param().values()) {
                all.add(Math.abs(w));
            }
        });
        long before = total(layers);
        signal[0] = 0.1;
        RewireReport report = r.maybeRewire(20, layers, new Slots(), state, rng, Kernels.defaults());
        long pruned = before - total(layers);
        assertEquals(Math.round(STEP * size(layers)), pruned, 1.0);
        assertEquals(0, report.layers().stream().mapToInt(RewireReport.Layer::grown).sum());
        float[] sorted = new float[all.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = all.get(i);
        }
        Arrays.sort(sorted);
        float threshold = sorted[(int) pruned];  // the smallest magnitude that survives
        for (LayerView l : layers) {
            for (float w : l.param().values()) {
                assertTrue(Math.abs(w) >= threshold, "kept " + w + " below the global threshold " + threshold);
            }
        }
        assertEquals(0.25, state.controlledDensity(), 1e-6);
    }

    @Test
    void holdingChangesNothingAndTheStrictCapExchangesAtConstantCount() {
        Rng rng = new Rng(7);
        List<LayerView> layers = Fixtures.layers(SHAPES, 0.5, Constraint.unstructured(), rng);
        Rewirer r = adapt(strict(0.5));
        RewireState state = r.newState(layers.stream().map(LayerView::param).toList());
        signal[0] = 0.5;
        List<SparsityPattern> old = layers.stream().map(l -> l.param().pattern()).toList();
        assertFalse(r.maybeRewire(10, layers, new Slots(), state, rng, Kernels.defaults()).updated());
        assertEquals(old, layers.stream().map(l -> l.param().pattern()).toList());
        signal[0] = 0.8;
        long before = total(layers);
        RewireReport report = r.maybeRewire(20, layers, new Slots(), state, rng, Kernels.defaults());
        assertTrue(report.updated());
        assertEquals(before, total(layers), "an exchange at the cap keeps the count");
        assertEquals(Math.floor(0.3 * before), report.layers().stream().mapToInt(RewireReport.Layer::pruned).sum(), 1.0);
        assertFalse(r.maybeRewire(15, layers, new Slots(), state, rng, Kernels.defaults()).updated(),
                "not an update step");
    }

    @Test
    void theControlledDensityIsSavedAndRestored() {
        Rng rng = new Rng(8);
        List<LayerView> layers = Fixtures.layers(SHAPES, 0.2, Constraint.unstructured(), rng);
        Rewirer r = adapt(relaxed(0.2));
        RewireState state = r.newState(layers.stream().map(LayerView::param).toList());
        signal[0] = 0.9;
        r.maybeRewire(10, layers, new Slots(), state, rng, Kernels.defaults());
        List<StateArray> saved = state.arrays();
        RewireState fresh = r.newState(layers.stream().map(LayerView::param).toList());
        assertEquals(0.2, fresh.controlledDensity(), 1e-6);
        fresh.restore(saved);
        assertEquals(state.controlledDensity(), fresh.controlledDensity());
        List<StateArray> withoutControl = saved.stream().filter(a -> !a.name().startsWith("control/")).toList();
        assertThrows(IllegalArgumentException.class, () -> fresh.restore(withoutControl));
    }
}
