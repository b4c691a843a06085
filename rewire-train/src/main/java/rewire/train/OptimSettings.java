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
 * @param name        sgd, momentum, nesterov, adam or adamw
 * @param lr          peak learning rate
 * @param momentum    SGD momentum (momentum, nesterov), Adam's beta1 (adam, adamw)
 * @param beta2       Adam's beta2
 * @param eps         Adam's epsilon
 * @param weightDecay L2 (sgd, momentum, nesterov, adam) or decoupled (adamw) weight decay
 * @param decayBias   whether weight decay also applies to biases and other vectors
 * @param schedule    constant, cosine or step
 * @param warmupSteps linear warm-up from 0 before the schedule
 * @param minLr       the final learning rate of the cosine schedule
 * @param stepEvery   steps between decays of the step schedule
 * @param stepGamma   factor of each decay of the step schedule
 * @param clip        maximum global gradient norm, 0 for none
 */
public record OptimSettings(String name, double lr, double momentum, double beta2, double eps, double weightDecay,
                            boolean decayBias, String schedule, long warmupSteps, double minLr, long stepEvery,
                            double stepGamma, double clip) {

    private static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adam", "adamw");
    private static final List<String> SCHEDULES = List.of("constant", "cosine", "step");

    public OptimSettings {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("optimizer '" + name + "' is not one of " + NAMES);
        }
        if (!SCHEDULES.contains(schedule)) {
            throw new IllegalArgumentException("learning-rate schedule '" + schedule + "' is not one of " + SCHEDULES);
        }
        if (!(lr > 0) || weightDecay < 0 || clip < 0 || warmupSteps < 0) {
            throw new IllegalArgumentException("need lr > 0 and weightDecay, clip, warmupSteps >= 0; got lr " + lr
                    + ", weightDecay " + weightDecay + ", clip " + clip + ", warmupSteps " + warmupSteps);
        }
    }

    /** SGD with momentum 0.9, lr 0.01, weight decay 5e-4, constant: the DST papers' MLP setting. */
    public static OptimSettings defaults() {
        return new OptimSettings("momentum", 0.01, 0.9, 0.999, 1e-8, 5e-4, true, "constant", 0, 0, 1000, 0.1, 0);
    }

    /** The learning rate per step over a run of {@code totalSteps}. */
    public Schedule learningRate(long totalSteps) {
        Schedule after = switch (schedule) {
            case "cosine" -> Schedule.cosine(lr, minLr, Math.max(1, totalSteps - warmupSteps));
            case "step" -> Schedule.stepDecay(lr, stepEvery, stepGamma);
            default -> Schedule.constant(lr);
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
        boolean decoupled = name.equals("adamw");
        if (weightDecay > 0 && !decoupled) {
            stages.add(decay());
        }
        switch (name) {
            case "sgd" -> stages.add(Optim.sgd(rate));
            case "momentum", "nesterov" -> stages.add(Optim.momentum(rate, momentum, name.equals("nesterov")));
            case "adam" -> stages.add(Optim.adam(rate, momentum, beta2, eps));
            default -> {
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
