package rewire.sparsity;

/**
 * When topology updates happen. {@code step} counts completed optimizer steps: the trainer
 * passes {@code t} after its {@code t}-th step, so step 0 (before any gradient) never updates.
 */
public sealed interface Cadence {

    /** Whether {@code step} is an update step. */
    boolean isUpdate(long step);

    /** The update steps in words, such as "every 100 steps before step 7500". */
    String describe();

    /** The last update step below {@code end}, the last a run of {@code end} steps reaches; -1 if none. */
    long lastUpdateBefore(long end);

    /** Every {@code period} steps: at {@code period, 2 period, ...}. */
    static Cadence every(long period) {
        return new Every(period, 0, Long.MAX_VALUE);
    }

    /**
     * Every {@code period} steps from {@code from} (inclusive, the first update) until {@code until}
     * (exclusive): RigL's {@code t % deltaT == 0 and t < T_end}, GMP's pruning window.
     */
    static Cadence every(long period, long from, long until) {
        return new Every(period, from, until);
    }

    /** Once per epoch, at the end of each epoch of {@code stepsPerEpoch} steps (SET, SNFS). */
    static Cadence perEpoch(long stepsPerEpoch) {
        return new Every(stepsPerEpoch, 0, Long.MAX_VALUE);
    }

    /** Once, at {@code step} (for example a one-shot prune). */
    static Cadence once(long step) {
        return new Every(1, step, step + 1);
    }

    /** Never: static sparse training. */
    static Cadence never() {
        return new Never();
    }

    /**
     * Updates at {@code from, from + period, ...} below {@code until}, never at step 0.
     *
     * @param period steps between updates, positive
     * @param from   first update step, non-negative
     * @param until  no update at or after this step
     */
    record Every(long period, long from, long until) implements Cadence {
        public Every {
            if (period <= 0 || from < 0 || until < from) {
                throw new IllegalArgumentException("cadence needs period > 0 and 0 <= from <= until, got period "
                        + period + ", from " + from + ", until " + until);
            }
        }

        @Override
        public boolean isUpdate(long step) {
            return step > 0 && step >= from && step < until && (step - from) % period == 0;
        }

        @Override
        public String describe() {
            return "every " + period + " steps" + (from > 0 ? " from step " + from : "")
                    + (until < Long.MAX_VALUE ? " before step " + until : "");
        }

        @Override
        public long lastUpdateBefore(long end) {
            long limit = Math.min(end, until) - 1;
            if (limit < from) {
                return -1;
            }
            long last = from + (limit - from) / period * period;
            return last > 0 ? last : -1;
        }
    }

    /** No updates. */
    record Never() implements Cadence {
        @Override
        public boolean isUpdate(long step) {
            return false;
        }

        @Override
        public String describe() {
            return "never";
        }

        @Override
        public long lastUpdateBefore(long end) {
            return -1;
        }
    }
}
