package rewire.train;

import java.util.ArrayList;
import java.util.List;
import rewire.nn.SparseParam;
import rewire.optim.Optim;
import rewire.optim.Schedule;
import rewire.optim.Transform;

/**
 * The optimizer section of a run's configuration, and the {@link Transform} chain it describes:
 * optional clipping by global norm, then the optimizer (with PyTorch's coupled weight decay for
 * SGD and Adam, decoupled for AdamW), with a learning-rate schedule.
 *
 * @param name        the optimizer
 * @param lr          peak learning rate
 * @param momentum    SGD momentum (momentum, nesterov), Adam's beta1 (adam, adamw)
 * @param beta2       Adam's beta2
 * @param eps         Adam's epsilon
 * @param weightDecay L2 (sgd, momentum, nesterov, adam) or decoupled (adamw) weight decay
 * @param decayBias   whether weight decay also applies to biases and other vectors
 * @param schedule    the learning rate's course after the warm-up
 * @param warmupSteps linear warm-up from 0 before the schedule
 * @param minLr       the final learning rate of the cosine schedule
 * @param stepEvery   steps between decays of the step schedule
 * @param stepGamma   factor of each decay of the step schedule
 * @param clip        maximum global gradient norm, 0 for none
 */
public record OptimSettings(Optimizer name, double lr, double momentum, double beta2, double eps, double weightDecay,
                            boolean decayBias, RateSchedule schedule, long warmupSteps, double minLr, long stepEvery,
                            double stepGamma, double clip) {

    /** The optimizers a configuration names ({@code optim.name}); a file spells them in lower case. */
    public enum Optimizer {
        /** Plain stochastic gradient descent, {@code w -= lr·g}. */
        SGD,
        /** SGD with heavy-ball momentum (PyTorch's form, {@code momentum} as the coefficient). */
        MOMENTUM,
        /** SGD with Nesterov momentum. */
        NESTEROV,
        /** Adam (Kingma and Ba, 2015) with weight decay added to the gradient, as PyTorch's Adam. */
        ADAM,
        /** AdamW (Loshchilov and Hutter, 2019): Adam with weight decay decoupled from the gradient. */
        ADAMW
    }

    /** The learning rate's course after the warm-up ({@code optim.schedule}). */
    public enum RateSchedule {
        /** {@code lr} throughout. */
        CONSTANT,
        /** Cosine decay from {@code lr} to {@code minLr} over the steps after the warm-up. */
        COSINE,
        /** {@code lr} times {@code stepGamma} after every {@code stepEvery} steps. */
        STEP
    }

    public OptimSettings {
        if (name == null || schedule == null) {
            throw new IllegalArgumentException("optim: name and schedule must be set, got " + name + ", " + schedule);
        }
        if (!(lr > 0) || weightDecay < 0 || clip < 0 || warmupSteps < 0) {
            throw new IllegalArgumentException("need lr > 0 and weightDecay, clip, warmupSteps >= 0; got lr " + lr
                    + ", weightDecay " + weightDecay + ", clip " + clip + ", warmupSteps " + warmupSteps);
        }
    }

    /** SGD with momentum 0.9, lr 0.01, weight decay 5e-4, constant: the DST papers' MLP setting. */
    public static OptimSettings defaults() {
        return new OptimSettings(Optimizer.MOMENTUM, 0.01, 0.9, 0.999, 1e-8, 5e-4, true, RateSchedule.CONSTANT, 0, 0,
                1000, 0.1, 0);
    }

    /** The learning rate per step over a run of {@code totalSteps}. */
    public Schedule learningRate(long totalSteps) {
        Schedule after = switch (schedule) {
            case CONSTANT -> Schedule.constant(lr);
            case COSINE -> Schedule.cosine(lr, minLr, Math.max(1, totalSteps - warmupSteps));
            case STEP -> Schedule.stepDecay(lr, stepEvery, stepGamma);
        };
        return warmupSteps > 0 ? Schedule.warmupThen(warmupSteps, after) : after;
    }

    /** The optimizer chain for a run of {@code totalSteps}. */
    public Transform transform(long totalSteps) {
        Schedule rate = learningRate(totalSteps);
        List<Transform> stages = new ArrayList<>();
        if (clip > 0) {
            stages.add(Optim.clipByGlobalNorm(clip));
        }
        boolean decoupled = name == Optimizer.ADAMW;
        if (weightDecay > 0 && !decoupled) {
            stages.add(decay());
        }
        switch (name) {
            case SGD -> stages.add(Optim.sgd(rate));
            case MOMENTUM, NESTEROV -> stages.add(Optim.momentum(rate, momentum, name == Optimizer.NESTEROV));
            case ADAM -> stages.add(Optim.adam(rate, momentum, beta2, eps));
            case ADAMW -> {
                stages.add(Optim.scaleByAdam(momentum, beta2, eps));
                if (weightDecay > 0) {
                    stages.add(decay());
                }
                stages.add(Optim.scaleByLearningRate(rate));
            }
        }
        return stages.size() == 1 ? stages.get(0) : Optim.chain(stages.toArray(Transform[]::new));
    }

    // Weight decay on every parameter, or only on weight matrices (sparse weights and "*.weight").
    private Transform decay() {
        Transform wd = Optim.addWeightDecay(weightDecay);
        return decayBias ? wd : Optim.masked(p -> p instanceof SparseParam || p.name().endsWith(".weight"), wd);
    }
}
