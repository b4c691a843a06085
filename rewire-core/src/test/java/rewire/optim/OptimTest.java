package rewire.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import rewire.nn.DenseParam;
import rewire.nn.Param;

/** The contract of transforms and factories beyond the numbers: where updates live, checks, composition. */
class OptimTest {

    @Test
    void updateLeavesTheUpdateInTheGradientAndApplyAddsIt() {
        DenseParam w = OptimReferenceTest.dense("w", 1f, 2f);
        w.grad()[0] = 3f;
        w.grad()[1] = -1f;
        Optim.sgd(0.5).update(List.of(w), new Slots(), 0);
        assertArrayEquals(new float[] {-1.5f, 0.5f}, w.grad(), "update = -lr * g, in the gradient array");
        assertArrayEquals(new float[] {1f, 2f}, w.values(), "values untouched until applied");
        Optim.applyUpdates(List.of(w));
        assertArrayEquals(new float[] {-0.5f, 2.5f}, w.values());
    }

    @Test
    void initCreatesEverySlotOfTheChainAsZeros() {
        DenseParam a = OptimReferenceTest.dense("a", 1f, 2f);
        DenseParam b = OptimReferenceTest.dense("b", 3f);
        Transform t = Optim.chain(Optim.clipByGlobalNorm(1), Optim.trace(0.9, true), Optim.scaleByAdam(0.9, 0.99, 1e-8));
        assertEquals(List.of("momentum", "adam.m", "adam.v"), t.slotNames());
        Slots slots = new Slots();
        t.init(List.of(a, b), slots);
        assertEquals(List.of(a, b), List.copyOf(slots.params()));
        assertEquals(List.of("momentum", "adam.m", "adam.v"), List.copyOf(slots.names(b)));
        assertArrayEquals(new float[2], slots.get(a, "adam.v"));
    }

    @Test
    void chainRejectsTwoStagesSharingASlot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optim.chain(Optim.momentum(0.1, 0.9, false), Optim.trace(0.5, false)));
        assertTrue(e.getMessage().contains("'momentum'"), e.getMessage());
    }

    @Test
    void maskedTouchesOnlyTheSelectedParameters() {
        DenseParam matrix = OptimReferenceTest.dense("fc.weight", 2f, 4f);
        DenseParam bias = OptimReferenceTest.dense("fc.bias", 2f);
        Transform decayMatrices = Optim.masked(p -> p.name().endsWith(".weight"), Optim.addWeightDecay(0.5));
        Slots slots = new Slots();
        decayMatrices.update(List.of(matrix, bias), slots, 0);
        assertArrayEquals(new float[] {1f, 2f}, matrix.grad());
        assertArrayEquals(new float[] {0f}, bias.grad());
        Optim.masked(p -> p == bias, Optim.trace(0.9, false)).init(List.of(matrix, bias), slots);
        assertEquals(List.of(bias), List.copyOf(slots.params()));
    }

    @Test
    void clipLeavesSmallUpdatesBitForBit() {
        DenseParam a = OptimReferenceTest.dense("a", 0f, 0f);
        a.grad()[0] = 0.3f;
        a.grad()[1] = -0.4f;
        Optim.clipByGlobalNorm(0.5 + 2e-6).update(List.of(a), new Slots(), 0);
        assertArrayEquals(new float[] {0.3f, -0.4f}, a.grad());
        Optim.clipByGlobalNorm(0.49995).update(List.of(a), new Slots(), 0);
        assertEquals(0.49995, Math.hypot(a.grad()[0], a.grad()[1]), 3e-6, "clips even when barely above");
        Optim.clipByGlobalNorm(0.25).update(List.of(a), new Slots(), 0);
        assertEquals(0.25, Math.hypot(a.grad()[0], a.grad()[1]), 3e-6);
    }

    @Test
    void nonFiniteGradientNormOrLearningRateIsAnError() {
        DenseParam a = OptimReferenceTest.dense("a", 0f);
        a.grad()[0] = Float.NaN;
        IllegalStateException clip = assertThrows(IllegalStateException.class,
                () -> Optim.clipByGlobalNorm(1).update(List.of(a), new Slots(), 7));
        assertTrue(clip.getMessage().contains("step 7"), clip.getMessage());
        a.grad()[0] = 1f;
        assertThrows(IllegalStateException.class,
                () -> Optim.sgd(step -> Double.POSITIVE_INFINITY).update(List.of(a), new Slots(), 0));
    }

    @Test
    void stepChecksItsArguments() {
        DenseParam a = OptimReferenceTest.dense("a", 0f);
        Slots slots = new Slots();
        assertThrows(IllegalArgumentException.class, () -> Optim.step(Optim.sgd(0.1), List.of(a), slots, -1));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Optim.step(Optim.sgd(0.1), List.<Param>of(a, a), slots, 0));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Optim.scaleByAdam(0.9, 0.999, 1e-8).update(List.of(a), slots, -1));
    }

    @Test
    void factoriesRejectBadHyperparametersByName() {
        assertMessage("beta", () -> Optim.momentum(0.1, 1.0, false));
        assertMessage("Nesterov", () -> Optim.momentum(0.1, 0.0, true));
        assertMessage("b1", () -> Optim.adam(0.1, -0.1, 0.999, 1e-8));
        assertMessage("b2", () -> Optim.adam(0.1, 0.9, 1.0, 1e-8));
        assertMessage("eps", () -> Optim.adam(0.1, 0.9, 0.999, 0));
        assertMessage("weight decay", () -> Optim.adamw(0.1, 0.9, 0.999, 1e-8, -0.01));
        assertMessage("maxNorm", () -> Optim.clipByGlobalNorm(0));
        assertMessage("maxNorm", () -> Optim.clipByGlobalNorm(Double.NaN));
        assertMessage("value", () -> Optim.sgd(Double.NaN));
        assertMessage("null", () -> Optim.sgd((Schedule) null));
        assertMessage("null", () -> Optim.chain(Optim.sgd(0.1), null));
        assertMessage("null", () -> Optim.masked(null, Optim.sgd(0.1)));
    }

    @Test
    void transformsPrintTheirHyperparameters() {
        String text = Optim.momentum(0.1, 0.9, true).toString();
        assertTrue(text.contains("beta=0.9") && text.contains("nesterov=true"), text);
        assertFalse(text.contains("Lambda"), text);
    }

    private static void assertMessage(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
