package rewire.optim;

/**
 * The shapes behind {@link Schedule}'s factories, as records so that they print, compare and log
 * by value. Arguments are checked by the factories; here only the step is.
 */
final class Schedules {
    private Schedules() {
    }

    record Constant(double value) implements Schedule {
        @Override
        public double at(long step) {
            requireStep(step);
            return value;
        }
    }

    record StepDecay(double initial, long every, double gamma) implements Schedule {
        @Override
        public double at(long step) {
            requireStep(step);
            return initial * Math.pow(gamma, step / every);
        }
    }

    record Cosine(double from, double to, long steps) implements Schedule {
        @Override
        public double at(long step) {
            requireStep(step);
            if (step >= steps) {
                return to;
            }
            // Math.cos is semi-monotonic, so the weight never moves backwards as step grows.
            double weight = 0.5 * (1 - Math.cos(Math.PI * step / steps));
            return between(from, to, weight);
        }
    }

    record Linear(double from, double to, long steps) implements Schedule {
        @Override
        public double at(long step) {
            requireStep(step);
            return step >= steps ? to : between(from, to, (double) step / steps);
        }
    }

    record Warmup(long steps, Schedule after) implements Schedule {
        @Override
        public double at(long step) {
            requireStep(step);
            return step >= steps ? after.at(step - steps) : between(0, after.at(0), (double) step / steps);
        }
    }

    /**
     * {@code from + weight * (to - from)} for a weight in [0, 1], exact at both ends and monotone
     * in the weight, since both roundings are. Below weight 1 it never passes {@code to}: the
     * rounded product falls short of the rounded difference by more than that difference's own
     * rounding error (or the difference is exact), so the sum stays short of {@code to} before its
     * last rounding. Weight 1 (a long cosine's last steps round to it) returns {@code to} itself.
     */
    static double between(double from, double to, double weight) {
        assert weight >= 0 && weight <= 1 : weight;
        return weight == 1 ? to : from + weight * (to - from);
    }

    static void requireStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("schedule step must not be negative, got " + step);
        }
    }

    static double requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
        return value;
    }

    static void requirePositive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
