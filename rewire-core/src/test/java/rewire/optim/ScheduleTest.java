package rewire.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static rewire.tensor.RandomCases.doubleBetween;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    /** Random cases per property below. */
    private static final int CASES = 1000;

    @Test
    void constantIsTheSameEverywhere() {
        Schedule s = Schedule.constant(0.25);
        assertEquals(0.25, s.at(0));
        assertEquals(0.25, s.at(Long.MAX_VALUE));
    }

    @Test
    void stepDecayMultipliesEveryKSteps() {
        Schedule s = Schedule.stepDecay(1.0, 10, 0.5);
        assertEquals(1.0, s.at(0));
        assertEquals(1.0, s.at(9));
        assertEquals(0.5, s.at(10));
        assertEquals(0.5, s.at(19));
        assertEquals(0.25, s.at(20));
    }

    @Test
    void cosineHitsItsEndsAndHalfwayMean() {
        Schedule s = Schedule.cosine(0.3, 0.1, 100);
        assertEquals(0.3, s.at(0));
        assertEquals(0.2, s.at(50), 1e-15);
        assertEquals(0.1 + 0.1 * (1 + Math.cos(Math.PI / 4)), s.at(25), 1e-15);
        assertEquals(0.1, s.at(100));
        assertEquals(0.1, s.at(1_000_000), "holds the end value after the last step");
    }

    @Test
    void aVeryLongCosineReachesItsEndExactly() {
        // near the end cos(pi * step / steps) rounds to -1, where 0.731 + (0.088 - 0.731) would give
        // 0.08799999999999997, below the end value
        long steps = 1_000_000_000_000L;
        Schedule s = Schedule.cosine(0.731, 0.088, steps);
        assertEquals(0.088, s.at(steps - 1));
        assertTrue(s.at(steps / 2 + 1) < s.at(steps / 2));
    }

    @Test
    void linearHitsItsEnds() {
        Schedule s = Schedule.linear(0.0, 1.0, 4);
        assertEquals(0.0, s.at(0));
        assertEquals(0.25, s.at(1));
        assertEquals(0.75, s.at(3));
        assertEquals(1.0, s.at(4));
        assertEquals(1.0, s.at(5));
    }

    @Test
    void warmupRisesFromZeroThenHandsOverShifted() {
        Schedule s = Schedule.warmupThen(10, Schedule.cosine(6e-4, 6e-5, 90));
        assertEquals(0.0, s.at(0));
        assertEquals(3e-4, s.at(5), 1e-18);
        assertEquals(6e-4, s.at(10), "continuous at the switch: the cosine's first value");
        assertEquals(Schedule.cosine(6e-4, 6e-5, 90).at(45), s.at(55));
        assertEquals(6e-5, s.at(100));
        assertEquals(6e-5, s.at(5000));
    }

    @Test
    void zeroWarmupIsTheScheduleItself() {
        Schedule after = Schedule.linear(1, 0, 5);
        assertSame(after, Schedule.warmupThen(0, after));
    }

    @Test
    void badArgumentsAreRejectedWithTheirName() {
        assertMessage("steps", () -> Schedule.cosine(1, 0, 0));
        assertMessage("steps", () -> Schedule.linear(1, 0, -3));
        assertMessage("every", () -> Schedule.stepDecay(1, 0, 0.5));
        assertMessage("gamma", () -> Schedule.stepDecay(1, 10, 0));
        assertMessage("gamma", () -> Schedule.stepDecay(1, 10, Double.POSITIVE_INFINITY));
        assertMessage("from", () -> Schedule.cosine(Double.NaN, 0, 10));
        assertMessage("value", () -> Schedule.constant(Double.NaN));
        assertMessage("warmupSteps", () -> Schedule.warmupThen(-1, Schedule.constant(1)));
        assertMessage("null", () -> Schedule.warmupThen(5, null));
        assertMessage("step", () -> Schedule.constant(1).at(-1));
        assertMessage("step", () -> Schedule.warmupThen(3, Schedule.constant(1)).at(-2));
    }

    @Test
    void schedulesPrintTheirShape() {
        assertTrue(Schedule.cosine(1, 0, 10).toString().contains("Cosine"));
    }

    @Test
    void cosineAndLinearStayInBoundsAndMoveMonotonically() {
        forEachSeed(10, CASES, rng -> {
            double from = doubleBetween(rng, -10, 10);
            double to = doubleBetween(rng, -10, 10);
            int steps = intBetween(rng, 1, 500);
            for (Schedule s : new Schedule[] {Schedule.cosine(from, to, steps), Schedule.linear(from, to, steps)}) {
                assertEquals(from, s.at(0));
                assertEquals(to, s.at(steps));
                assertMonotoneWithin(s, from, to, steps + 3);
            }
        });
    }

    @Test
    void warmupStaysWithinZeroAndPeakThenFollows() {
        forEachSeed(11, CASES, rng -> {
            double peak = doubleBetween(rng, 0, 1);
            double end = doubleBetween(rng, 0, 1);
            int warmup = intBetween(rng, 1, 200);
            int decay = intBetween(rng, 1, 200);
            Schedule after = Schedule.cosine(peak, end, decay);
            Schedule s = Schedule.warmupThen(warmup, after);
            assertMonotoneWithin(s, 0, peak, warmup + 1);
            for (long t = warmup; t < warmup + decay + 3; t++) {
                assertEquals(after.at(t - warmup), s.at(t));
            }
        });
    }

    @Test
    void stepDecayIsNonIncreasingForGammaAtMostOne() {
        forEachSeed(12, CASES, rng -> {
            double initial = doubleBetween(rng, 0, 5);
            int every = intBetween(rng, 1, 20);
            double gamma = doubleBetween(rng, 1e-3, 1);
            Schedule s = Schedule.stepDecay(initial, every, gamma);
            assertMonotoneWithin(s, initial, 0, 10L * every + 1);
        });
    }

    /** Every value in [min(a, b), max(a, b)] and each step moving from a towards b, never back. */
    private static void assertMonotoneWithin(Schedule s, double a, double b, long steps) {
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        double previous = s.at(0);
        for (long t = 0; t < steps; t++) {
            double v = s.at(t);
            // messages built only on failure: a property runs this loop some 10^5 times
            if (!(v >= low && v <= high)) {
                fail("value " + v + " at step " + t + " outside [" + low + ", " + high + "]");
            }
            if (!(b >= a ? v >= previous : v <= previous)) {
                fail("moved back at step " + t + ": " + previous + " -> " + v);
            }
            previous = v;
        }
    }

    private static void assertMessage(String fragment, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
