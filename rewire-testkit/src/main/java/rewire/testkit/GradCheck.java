package rewire.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A finite-difference check of analytic gradients.
 *
 * <p>For every checked array it compares the analytic gradient {@code g} with central
 * differences of the loss. Small arrays (up to {@link #coordinatesUpTo(int)} elements) are
 * checked coordinate by coordinate; larger ones along random ±1 probe directions {@code d} plus
 * as many random single coordinates. One probe perturbs the float values to
 * {@code x⁺ = fl(x + h·d)} and {@code x⁻ = fl(x - h·d)} and compares {@code L(x⁺) - L(x⁻)} with
 * {@code g · (x⁺ - x⁻)}, which uses the steps actually taken after float rounding. Differences
 * and products are formed in double. A probe passes when
 * {@code |numeric - analytic| <= absolute + relative · max(|numeric|, |analytic|)}, both sides
 * divided by {@code 2h}.
 *
 * <p>Use: {@code GradCheck.of(loss).wrt("w", values, grad).run()} with any loss that recomputes
 * from the arrays in place, or {@link #ofTape} for autodiff code. Values are restored after each
 * probe. Keep inputs away from kinks (ReLU at 0, ties in a max) by more than the step.
 */
public final class GradCheck {
    private final Loss loss;
    private final List<Input> inputs = new ArrayList<>();
    private double step = 1e-2;
    private double relative = 1e-2;
    private double absolute = 1e-4;
    private int coordinateLimit = 64;
    private int probes = 8;
    private long seed = 1;

    /** A loss recomputed from the current contents of the checked arrays. */
    @FunctionalInterface
    public interface Loss {
        double evaluate();
    }

    private record Input(String name, float[] values, float[] analytic) {
    }

    /** One probe that failed. {@code where} is "[i]" for a coordinate or "probe k" for a direction. */
    public record Failure(String input, String where, double numeric, double analytic) {
        @Override
        public String toString() {
            return input + where + ": numeric " + numeric + ", analytic " + analytic;
        }
    }

    /** The outcome: how many probes ran and which failed. */
    public record Report(int probes, List<Failure> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }

        @Override
        public String toString() {
            return failures.size() + " of " + probes + " gradient probes failed" + (failures.isEmpty() ? "" : ": "
                    + failures.subList(0, Math.min(10, failures.size())));
        }
    }

    private GradCheck(Loss loss) {
        this.loss = loss;
    }

    /** A check of {@code loss}; add the arrays to check with {@link #wrt}. */
    public static GradCheck of(Loss loss) {
        return new GradCheck(loss);
    }

    /**
     * A check of an autodiff computation: runs {@code forward} on a fresh tape, zeroes the
     * gradients of {@code wrt}, runs backward once and checks those gradients against the loss
     * recomputed by {@code forward} on the cleared tape. Each {@code wrt} must be a variable with
     * its own gradient storage (leaf or parameter) that {@code forward} reads.
     */
    public static GradCheck ofTape(Function<Tape, Var> forward, Var... wrt) {
        Tape tape = new Tape();
        Var out = forward.apply(tape);
        for (Var v : wrt) {
            if (v.grad() != null) {
                v.grad().fill(0f);
            }
        }
        tape.backward(out);
        GradCheck check = new GradCheck(() -> {
            tape.clear();
            return forward.apply(tape).item();
        });
        for (int i = 0; i < wrt.length; i++) {
            Var v = wrt[i];
            float[] analytic = v.grad() == null ? new float[v.value().size()] : v.grad().data().clone();
            check.wrt(v.op() + "#" + i, v.value().data(), analytic);
        }
        tape.clear();
        return check;
    }

    /**
     * A check of a computation with a tensor output {@code y}: reduces it to the scalar
     * {@code Σ y ⊙ R} with a fixed Gaussian {@code R} of y's shape, drawn from {@code rng} on the
     * first forward pass, so every output element carries its own weight; then as {@link #ofTape}.
     */
    public static GradCheck ofProjected(Function<Tape, Var> op, Rng rng, Var... wrt) {
        Tensor[] projection = {null};
        return ofTape(tape -> {
            Var y = op.apply(tape);
            if (projection[0] == null) {
                projection[0] = RandomData.gaussian(rng, y.shape().dims());
            }
            return Ops.sum(tape, Ops.mul(tape, y, Var.constant(projection[0])));
        }, wrt);
    }

    /** Checks {@code analytic} as the gradient of the loss with respect to {@code values}. */
    public GradCheck wrt(String name, float[] values, float[] analytic) {
        if (values.length != analytic.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values but " + analytic.length
                    + " gradient entries");
        }
        inputs.add(new Input(name, values, analytic.clone()));
        return this;
    }

    /** The finite-difference step {@code h} (default 1e-2, suited to float32 losses of order 1). */
    public GradCheck step(double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("step must be positive, got " + h);
        }
        this.step = h;
        return this;
    }

    /** Relative and absolute tolerances (defaults 1e-2 and 1e-4). */
    public GradCheck tolerance(double relativeTolerance, double absoluteTolerance) {
        if (relativeTolerance < 0 || absoluteTolerance < 0) {
            throw new IllegalArgumentException("tolerances must not be negative: " + relativeTolerance + ", "
                    + absoluteTolerance);
        }
        this.relative = relativeTolerance;
        this.absolute = absoluteTolerance;
        return this;
    }

    /** Arrays of at most {@code n} elements are checked at every coordinate (default 64). */
    public GradCheck coordinatesUpTo(int n) {
        this.coordinateLimit = n;
        return this;
    }

    /** Random directions and random coordinates per larger array, and the seed that draws them. */
    public GradCheck probes(int count, long probeSeed) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one probe, got " + count);
        }
        this.probes = count;
        this.seed = probeSeed;
        return this;
    }

    /** Runs every probe and reports. */
    public Report run() {
        Rng rng = new Rng(seed);
        List<Failure> failures = new ArrayList<>();
        int count = 0;
        for (Input in : inputs) {
            if (in.values.length <= coordinateLimit) {
                for (int i = 0; i < in.values.length; i++) {
                    count++;
                    probeCoordinate(in, i, failures);
                }
            } else {
                for (int p = 0; p < probes; p++) {
                    count += 2;
                    probeDirection(in, p, rng, failures);
                    probeCoordinate(in, rng.nextInt(in.values.length), failures);
                }
            }
        }
        return new Report(count, List.copyOf(failures));
    }

    /** Runs and throws an {@link AssertionError} listing the failures, if any. */
    public void assertPasses() {
        Report report = run();
        if (!report.passed()) {
            throw new AssertionError(report.toString());
        }
    }

    private void probeCoordinate(Input in, int i, List<Failure> failures) {
        float x = in.values[i];
        float plus = (float) (x + step);
        float minus = (float) (x - step);
        in.values[i] = plus;
        double up = loss.evaluate();
        in.values[i] = minus;
        double down = loss.evaluate();
        in.values[i] = x;
        double analytic = (double) in.analytic[i] * ((double) plus - minus);
        judge(in.name, "[" + i + "]", up - down, analytic, failures);
    }

    private void probeDirection(Input in, int probe, Rng rng, List<Failure> failures) {
        float[] v = in.values;
        float[] saved = v.clone();
        float[] plus = new float[v.length];
        float[] minus = new float[v.length];
        double analytic = 0;
        for (int i = 0; i < v.length; i++) {
            double d = (rng.nextLong() & 1) == 0 ? step : -step;
            plus[i] = (float) (saved[i] + d);
            minus[i] = (float) (saved[i] - d);
            analytic += (double) in.analytic[i] * ((double) plus[i] - minus[i]);
        }
        System.arraycopy(plus, 0, v, 0, v.length);
        double up = loss.evaluate();
        System.arraycopy(minus, 0, v, 0, v.length);
        double down = loss.evaluate();
        System.arraycopy(saved, 0, v, 0, v.length);
        judge(in.name, " probe " + probe, up - down, analytic, failures);
    }

    // Both sides are changes of the loss over a step of 2h; compare them as slopes.
    private void judge(String name, String where, double numericChange, double analyticChange, List<Failure> failures) {
        double numeric = numericChange / (2 * step);
        double analytic = analyticChange / (2 * step);
        double bound = absolute + relative * Math.max(Math.abs(numeric), Math.abs(analytic));
        if (!(Math.abs(numeric - analytic) <= bound)) {
            failures.add(new Failure(name, where, numeric, analytic));
        }
    }
}
