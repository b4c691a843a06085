package rewire.optim;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import rewire.nn.Param;

/**
 * Factories for optimizer {@link Transform}s, and the one place where updates meet the values.
 *
 * <p>Building blocks: {@link #clipByGlobalNorm}, {@link #addWeightDecay}, {@link #trace}
 * (momentum), {@link #scaleByAdam}, {@link #scaleByLearningRate}, composed with {@link #chain}
 * and restricted with {@link #masked}. The ready-made optimizers are chains of these and follow
 * PyTorch's semantics, so a run can be compared with the same run in PyTorch up to float
 * rounding order:
 * <ul>
 *   <li>{@link #sgd}: {@code torch.optim.SGD(lr)};</li>
 *   <li>{@link #momentum}: {@code SGD(lr, momentum=beta, nesterov=..., dampening=0)};</li>
 *   <li>{@link #adam}: {@code torch.optim.Adam(lr, betas=(b1, b2), eps)}: bias correction,
 *       {@code eps} added outside the square root;</li>
 *   <li>{@link #adamw}: {@code torch.optim.AdamW}: as Adam plus the decoupled decay
 *       {@code lr * weightDecay * w};</li>
 *   <li>L2 weight decay as PyTorch's {@code weight_decay} of SGD or Adam:
 *       {@code chain(addWeightDecay(wd), momentum(...))}.</li>
 * </ul>
 * A learning rate is a {@link Schedule} of the step everywhere; the {@code double} overloads mean
 * a constant. Use: {@link Transform#update} then {@link #applyUpdates}, or {@link #step} for both.
 */
public final class Optim {
    private Optim() {
    }

    /** Plain gradient descent: {@code w -= lr(t) * g}. */
    public static Transform sgd(Schedule learningRate) {
        return scaleByLearningRate(learningRate);
    }

    /** {@link #sgd(Schedule)} with a constant learning rate. */
    public static Transform sgd(double learningRate) {
        return sgd(Schedule.constant(learningRate));
    }

    /**
     * SGD with momentum, as PyTorch: {@code buf = beta * buf + g}; {@code w -= lr(t) * buf}, or
     * {@code w -= lr(t) * (g + beta * buf)} with Nesterov. Slot {@code "momentum"}.
     */
    public static Transform momentum(Schedule learningRate, double beta, boolean nesterov) {
        return chain(trace(beta, nesterov), scaleByLearningRate(learningRate));
    }

    /** {@link #momentum(Schedule, double, boolean)} with a constant learning rate. */
    public static Transform momentum(double learningRate, double beta, boolean nesterov) {
        return momentum(Schedule.constant(learningRate), beta, nesterov);
    }

    /** Adam as PyTorch (see {@link #scaleByAdam}), then {@code w -= lr(t) * direction}. */
    public static Transform adam(Schedule learningRate, double b1, double b2, double eps) {
        return chain(scaleByAdam(b1, b2, eps), scaleByLearningRate(learningRate));
    }

    /** {@link #adam(Schedule, double, double, double)} with a constant learning rate. */
    public static Transform adam(double learningRate, double b1, double b2, double eps) {
        return adam(Schedule.constant(learningRate), b1, b2, eps);
    }

    /**
     * AdamW as PyTorch: {@code w -= lr(t) * (adamDirection + weightDecay * w)}, the decay decoupled
     * from the moments (Loshchilov and Hutter, ICLR 2019).
     */
    public static Transform adamw(Schedule learningRate, double b1, double b2, double eps, double weightDecay) {
        return chain(scaleByAdam(b1, b2, eps), addWeightDecay(weightDecay), scaleByLearningRate(learningRate));
    }

    /** {@link #adamw(Schedule, double, double, double, double)} with a constant learning rate. */
    public static Transform adamw(double learningRate, double b1, double b2, double eps, double weightDecay) {
        return adamw(Schedule.constant(learningRate), b1, b2, eps, weightDecay);
    }

    /** Applies {@code stages} in order, each on the update the previous one left. Slot names must be distinct. */
    public static Transform chain(Transform... stages) {
        requireNonNull("chain", (Object[]) stages);
        return new Chain(List.of(stages));
    }

    /** Applies {@code inner} only to the parameters {@code which} accepts; the others pass through. */
    public static Transform masked(Predicate<Param> which, Transform inner) {
        requireNonNull("masked", which, inner);
        return new Masked(which, inner);
    }

    /** Momentum without the learning rate; {@code beta} in [0, 1), positive for Nesterov. Slot {@code "momentum"}. */
    public static Transform trace(double beta, boolean nesterov) {
        requireUnitInterval("momentum beta", beta);
        if (nesterov && beta == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs a positive beta, got 0");
        }
        return new Trace(beta, nesterov);
    }

    /**
     * Adam's direction without the learning rate: {@code (m / c1) / (sqrt(v) / sqrt(c2) + eps)}
     * with {@code b1, b2} in [0, 1) and {@code eps > 0}. Slots {@code "adam.m"} and {@code "adam.v"}.
     */
    public static Transform scaleByAdam(double b1, double b2, double eps) {
        requireUnitInterval("Adam b1", b1);
        requireUnitInterval("Adam b2", b2);
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("Adam eps must be positive and finite, got " + eps);
        }
        return new ScaleByAdam(b1, b2, eps);
    }

    /**
     * Adds {@code weightDecay * w} to the update: L2 regularization when placed before momentum or
     * Adam (PyTorch's {@code weight_decay} of SGD), decoupled decay when placed after Adam.
     */
    public static Transform addWeightDecay(double weightDecay) {
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and not negative, got " + weightDecay);
        }
        return new AddWeightDecay(weightDecay);
    }

    /** Scales all updates together to a joint L2 norm of at most {@code maxNorm} (PyTorch's {@code clip_grad_norm_}). */
    public static Transform clipByGlobalNorm(double maxNorm) {
        if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be positive and finite, got " + maxNorm);
        }
        return new ClipByGlobalNorm(maxNorm);
    }

    /** Multiplies the update by {@code -learningRate.at(step)}; put it last in a chain. */
    public static Transform scaleByLearningRate(Schedule learningRate) {
        requireNonNull("scaleByLearningRate", learningRate);
        return new ScaleByLearningRate(learningRate);
    }

    /** {@link #scaleByLearningRate(Schedule)} with a constant learning rate. */
    public static Transform scaleByLearningRate(double learningRate) {
        return scaleByLearningRate(Schedule.constant(learningRate));
    }

    /**
     * Adds each parameter's update (held in its gradient array after {@link Transform#update})
     * to its values: {@code w += u}. O(connections).
     */
    public static void applyUpdates(List<Param> params) {
        for (Param param : params) {
            float[] w = param.values();
            float[] u = param.grad();
            if (w.length != u.length) {
                throw new IllegalArgumentException(param.name() + ": " + w.length + " values but "
                        + u.length + " updates");
            }
            for (int i = 0; i < w.length; i++) {
                w[i] += u[i];
            }
        }
    }

    /**
     * One optimizer step: {@code transform.update(params, slots, step)} then {@link #applyUpdates}.
     * Afterwards the gradient arrays hold the applied updates.
     *
     * @throws IllegalArgumentException if {@code step} is negative or a parameter appears twice
     */
    public static void step(Transform transform, List<Param> params, Slots slots, long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, got " + step);
        }
        requireDistinct(params);
        transform.update(params, slots, step);
        applyUpdates(params);
    }

    private static void requireDistinct(List<Param> params) {
        Map<Param, Boolean> seen = new IdentityHashMap<>();
        for (Param param : params) {
            if (seen.put(param, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("parameter " + param.name() + " appears twice in the list");
            }
        }
    }

    private static void requireUnitInterval(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + value);
        }
    }

    private static void requireNonNull(String where, Object... values) {
        if (values == null || Arrays.asList(values).contains(null)) {
            throw new IllegalArgumentException(where + ": null argument in " + Arrays.toString(values));
        }
    }
}
