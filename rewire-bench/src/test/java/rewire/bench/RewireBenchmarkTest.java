package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.sparsity.RewireReport;
import rewire.sparsity.Rewirer;
import rewire.tensor.Rng;

/** What RewireBenchmark relies on: every invocation starts from the same layer and does the same update. */
class RewireBenchmarkTest {
    private static final Rng RNG = new Rng(7);

    private static RewireBenchmarkLayer layer(RewireBenchmarkGrower g) {
        return RewireBenchmarkLayer.create(37, 29, 8, 0.1, RewireBenchmark.rewirer(g), Kernels.defaults(), 11);
    }

    @ParameterizedTest
    @EnumSource(RewireBenchmarkGrower.class)
    void anUpdateReplacesThirtyPercentAtConstantCount(RewireBenchmarkGrower g) {
        RewireBenchmarkLayer start = layer(g);
        RewireBenchmarkLayer.Fresh fresh = start.fresh();
        RewireReport report = RewireBenchmark.rewirer(g).maybeRewire(RewireBenchmark.STEP, fresh.layers(),
                fresh.slots(), fresh.state(), RNG, Kernels.defaults());
        int expected = (int) Math.floor(RewireBenchmark.DROP_FRACTION * start.nnz());
        assertTrue(expected > 0);
        assertEquals(start.nnz(), report.nnz());
        assertEquals(expected, report.pruned());
        assertEquals(expected, report.grown());
        assertTrue(!fresh.param().pattern().equals(start.pattern()), g + " left the pattern unchanged");
    }

    @ParameterizedTest
    @EnumSource(RewireBenchmarkGrower.class)
    void everyInvocationStartsFromTheSameLayerAndEndsAtTheSamePattern(RewireBenchmarkGrower g) {
        RewireBenchmarkLayer start = layer(g);
        Rewirer rewirer = RewireBenchmark.rewirer(g);
        RewireBenchmarkLayer.Fresh first = start.fresh();
        float[] startValues = first.param().values().clone();
        rewirer.maybeRewire(RewireBenchmark.STEP, first.layers(), first.slots(), first.state(), RNG,
                Kernels.defaults());
        RewireBenchmarkLayer.Fresh second = start.fresh();
        SparseParam p = second.param();
        assertNotSame(first.param(), p);
        assertEquals(start.pattern(), p.pattern());
        assertArrayEquals(startValues, p.values());
        rewirer.maybeRewire(RewireBenchmark.STEP, second.layers(), second.slots(), second.state(), RNG,
                Kernels.defaults());
        assertEquals(first.param().pattern(), p.pattern());
        assertArrayEquals(first.param().values(), p.values());
    }

    @Test
    void growerNamesRoundTripAndUnknownNamesAreRejected() {
        for (RewireBenchmarkGrower g : RewireBenchmarkGrower.values()) {
            assertEquals(g, RewireBenchmarkGrower.of(g.key()));
        }
        assertTrue(RewireBenchmarkGrower.MOMENTUM.needsDenseMomentum());
        assertTrue(!RewireBenchmarkGrower.GRADIENT.needsDenseMomentum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RewireBenchmarkGrower.of("rigl"));
        assertTrue(e.getMessage().contains("rigl") && e.getMessage().contains("gradient"), e.getMessage());
    }
}
