package rewire.sparsity;

import java.util.Arrays;
import rewire.optim.Schedule;

/**
 * Density and drop-fraction schedules of DST methods, as pure {@link Schedule}s of the step.
 * Densities are fractions of connections kept (1 = dense); a method written in sparsity
 * {@code s} maps to density {@code 1 - s} by the same formula, since every formula here is affine
 * in its endpoints.
 */
public final class Schedules {
    private Schedules() {
    }

    /** The same value at every step. */
    public static Schedule constant(double value) {
        return new Constant(value);
    }

    /**
     * Cosine decay from {@code start} at step 0 to {@code floor} at step {@code length}, then flat:
     * {@code floor + (start - floor) * (1 + cos(pi * t / length)) / 2}. RigL's drop fraction
     * ({@code floor = 0}, {@code length = T_end}); SNFS and Fantastic Weights' prune rate
     * ({@code floor = 0.005}, {@code length} = all steps, PyTorch's CosineAnnealingLR).
     */
    public static Schedule cosine(double start, double floor, long length) {
        return new Cosine(start, floor, length);
    }

    /** Linear from {@code start} at step {@code from} to {@code end} at step {@code to}, flat outside (CHTs temperature). */
    public static Schedule linear(double start, double end, long from, long to) {
        return piecewiseLinear(new long[] {from, to}, new double[] {start, end});
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
     * CHTss sigmoid gradual decay (Zhang et al., NeurIPS 2025, "Brain-inspired sparse training
     * enables Transformers and LLMs to perform as fully connected", {@code s_shape}): with
     * prune iteration {@code i = floor((t - t0) / period)} clamped to [0, N] and {@code k = 6 / (N/2)},
     * {@code v(i) = v0 + (v1 - v0) [sig(k(i - N/2)) - sig(-kN/2)] / [sig(kN/2) - sig(-kN/2)]}.
     * Reaches {@code v0} at {@code i = 0} and {@code v1} at {@code i = N}, symmetric about N/2.
     */
    public static Schedule sigmoid(double v0, double v1, long t0, long period, int iterations) {
        return new Sigmoid(v0, v1, t0, period, iterations);
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

    record Constant(double value) implements Schedule {
        @Override
        public double at(long step) {
            return value;
        }
    }

    record Cosine(double start, double floor, long length) implements Schedule {
        Cosine {
            if (length <= 0) {
                throw new IllegalArgumentException("cosine schedule length must be positive, got " + length);
            }
        }

        @Override
        public double at(long step) {
            double progress = Math.min(1.0, Math.max(0, step) / (double) length);
            return floor + (start - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }
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

    record Sigmoid(double v0, double v1, long t0, long period, int iterations) implements Schedule {
        Sigmoid {
            if (period <= 0 || iterations <= 0) {
                throw new IllegalArgumentException("sigmoid schedule needs period > 0 and iterations > 0, got "
                        + period + " and " + iterations);
            }
        }

        @Override
        public double at(long step) {
            long i = Math.min(iterations, Math.max(0, Math.floorDiv(step - t0, period)));
            double half = iterations / 2.0;
            double k = 6 / half;
            double low = logistic(-k * half);
            double high = logistic(k * half);
            return v0 + (v1 - v0) * (logistic(k * (i - half)) - low) / (high - low);
        }

        private static double logistic(double x) {
            return 1 / (1 + Math.exp(-x));
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
