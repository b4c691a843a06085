package rewire.sparsity;

import java.util.Arrays;
import rewire.optim.Schedule;

/**
 * The density and drop-fraction shapes of DST methods that {@link Schedule} does not have, as
 * pure schedules of the step: GMP's cubic decay, MST's phases. Densities are fractions of
 * connections kept (1 = dense); a method written in sparsity {@code s} maps to density
 * {@code 1 - s} by the same formula, since every formula here is affine in its endpoints. The
 * generic shapes are {@link Schedule}'s own: RigL's drop fraction is
 * {@code Schedule.cosine(zeta, 0, tEnd)}, the prune rate of SNFS and Fantastic Weights
 * {@code Schedule.cosine(0.5, 0.005, steps)} (PyTorch's CosineAnnealingLR). CHTss's sigmoid decay
 * is {@link rewire.sparsity.ch.SigmoidSparsity} (use its {@code density()}).
 */
public final class SparsitySchedules {
    private SparsitySchedules() {
    }

    /**
     * Gradual magnitude pruning (Zhu and Gupta 2017, "To prune, or not to prune"), in density:
     * {@code d(t) = dFinal + (dInitial - dFinal) * (1 - p)^3}, {@code p = (t - t0) / (tEnd - t0)}
     * clamped to [0, 1]. Most of the pruning happens early.
     */
    public static Schedule gmpCubic(double initialDensity, double finalDensity, long t0, long tEnd) {
        return new Cubic(initialDensity, finalDensity, t0, tEnd);
    }

    /**
     * Linear interpolation through {@code (steps[i], values[i])}, flat before the first and after
     * the last point. MST's phases are one such schedule that falls from dense, holds, and rises.
     */
    public static Schedule piecewiseLinear(long[] steps, double[] values) {
        return new PiecewiseLinear(steps, values);
    }

    /**
     * A schedule that restarts at each start step: at step {@code t} it is
     * {@code phases[k].at(t - starts[k])} for the last {@code starts[k] <= t} (MST's stepwise
     * annealing restarts the drop-fraction cosine at each phase). Before {@code starts[0]} it is
     * {@code phases[0].at(0)}.
     */
    public static Schedule phased(long[] starts, Schedule... phases) {
        return new Phased(starts, phases);
    }

    record Cubic(double initial, double last, long t0, long tEnd) implements Schedule {
        Cubic {
            if (tEnd <= t0) {
                throw new IllegalArgumentException("GMP needs tEnd > t0, got " + t0 + " .. " + tEnd);
            }
        }

        @Override
        public double at(long step) {
            double p = Math.min(1.0, Math.max(0.0, (step - t0) / (double) (tEnd - t0)));
            double rest = 1 - p;
            return last + (initial - last) * rest * rest * rest;
        }
    }

    record PiecewiseLinear(long[] steps, double[] values) implements Schedule {
        PiecewiseLinear {
            if (steps.length == 0 || steps.length != values.length) {
                throw new IllegalArgumentException("piecewise schedule needs as many steps as values, at least one; got "
                        + steps.length + " and " + values.length);
            }
            for (int i = 1; i < steps.length; i++) {
                if (steps[i] <= steps[i - 1]) {
                    throw new IllegalArgumentException("piecewise schedule steps must increase: " + Arrays.toString(steps));
                }
            }
            steps = steps.clone();
            values = values.clone();
        }

        @Override
        public double at(long step) {
            if (step <= steps[0]) {
                return values[0];
            }
            for (int i = 1; i < steps.length; i++) {
                if (step <= steps[i]) {
                    double f = (step - steps[i - 1]) / (double) (steps[i] - steps[i - 1]);
                    return values[i - 1] + f * (values[i] - values[i - 1]);
                }
            }
            return values[values.length - 1];
        }
    }

    record Phased(long[] starts, Schedule[] phases) implements Schedule {
        Phased {
            if (starts.length == 0 || starts.length != phases.length) {
                throw new IllegalArgumentException("phased schedule needs one start per phase, at least one; got "
                        + starts.length + " and " + phases.length);
            }
            for (int i = 1; i < starts.length; i++) {
                if (starts[i] <= starts[i - 1]) {
                    throw new IllegalArgumentException("phase starts must increase: " + Arrays.toString(starts));
                }
            }
            starts = starts.clone();
            phases = phases.clone();
        }

        @Override
        public double at(long step) {
            int k = 0;
            while (k + 1 < starts.length && starts[k + 1] <= step) {
                k++;
            }
            return phases[k].at(Math.max(0, step - starts[k]));
        }
    }
}
