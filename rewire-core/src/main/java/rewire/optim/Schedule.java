package rewire.optim;

/**
 * A value that depends on the training step: a learning rate, a density, a drop fraction.
 * Pure: the same step always gives the same value, so a resumed run sees the schedule it left.
 */
@FunctionalInterface
public interface Schedule {

    /** The value at {@code step} (0-based). */
    double at(long step);

    /** The same value at every step. */
    static Schedule constant(double value) {
        return step -> value;
    }
}
