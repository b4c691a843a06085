package rewire.optim;

/**
 * A value that depends on the training step: a learning rate, a density, a drop fraction.
 * Pure: the same step always gives the same value, so a resumed run sees the schedule it left,
 * and callers may ask for any step in any order.
 *
 * <p>The factories below check their arguments, reject a negative step, and are exact at their
 * ends: the first step gives the start value and every step from the end on gives the end value,
 * bit for bit. Between the ends, values stay within the two end values and move monotonically
 * from one to the other (no overshoot from rounding). A learning rate with linear warm-up and
 * cosine decay to a minimum, as in nanoGPT, is
 * {@code Schedule.warmupThen(warmup, Schedule.cosine(peak, minimum, decaySteps - warmup))}.
 */
@FunctionalInterface
public interface Schedule {

    /** The value at {@code step} (0-based). */
    double at(long step);

    /** The same value at every step. */
    static Schedule constant(double value) {
        return new Schedules.Constant(Schedules.requireFinite("value", value));
    }

    /**
     * {@code initial * gamma^floor(step / every)}: multiplied by {@code gamma} every {@code every}
     * steps (PyTorch's {@code StepLR}). Monotone when {@code initial >= 0}: non-increasing for
     * {@code gamma <= 1}.
     *
     * @param every steps between two decays, positive
     * @param gamma factor per decay, positive and finite
     */
    static Schedule stepDecay(double initial, long every, double gamma) {
        Schedules.requireFinite("initial", initial);
        Schedules.requirePositive("every", every);
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be positive and finite, got " + gamma);
        }
        return new Schedules.StepDecay(initial, every, gamma);
    }

    /**
     * Half a cosine from {@code from} at step 0 to {@code to} at step {@code steps}, then
     * {@code to} for ever: {@code from + (to - from) * (1 - cos(pi * step / steps)) / 2}.
     * Monotone from {@code from} towards {@code to}.
     */
    static Schedule cosine(double from, double to, long steps) {
        Schedules.requireFinite("from", from);
        Schedules.requireFinite("to", to);
        Schedules.requirePositive("steps", steps);
        return new Schedules.Cosine(from, to, steps);
    }

    /** A straight line from {@code from} at step 0 to {@code to} at step {@code steps}, then {@code to}. */
    static Schedule linear(double from, double to, long steps) {
        Schedules.requireFinite("from", from);
        Schedules.requireFinite("to", to);
        Schedules.requirePositive("steps", steps);
        return new Schedules.Linear(from, to, steps);
    }

    /**
     * A linear warm-up from 0 at step 0 to {@code after.at(0)} at step {@code warmupSteps}, then
     * {@code after} shifted by the warm-up: {@code after.at(step - warmupSteps)}. The value at
     * step 0 is exactly 0 (as in the original nanoGPT), and the curve is continuous at the switch.
     * {@code warmupSteps == 0} gives {@code after} unchanged.
     *
     * @param warmupSteps length of the warm-up, not negative
     * @param after the schedule that follows, seen from its own step 0
     */
    static Schedule warmupThen(long warmupSteps, Schedule after) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must not be negative, got " + warmupSteps);
        }
        if (after == null) {
            throw new IllegalArgumentException("the schedule after the warm-up is null");
        }
        return warmupSteps == 0 ? after : new Schedules.Warmup(warmupSteps, after);
    }
}
