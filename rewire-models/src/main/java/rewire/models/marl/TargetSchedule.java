package rewire.models.marl;

/**
 * MAST's hybrid TD(λ) schema (Hu et al., NeurIPS 2024, Sec. 4.2), after RLx2's delayed multi-step
 * targets (Tan et al., ICLR 2023): one-step targets while the training step is below {@code T0},
 * when the policy still changes fast and multi-step returns would add policy-inconsistency
 * error, then the {@code late} targets (TD(λ) in MAST). Steps are environment steps.
 * A plain learner uses one kind throughout ({@link #fixed}).
 *
 * @param early     targets before {@code switchAt}
 * @param late      targets from {@code switchAt} on
 * @param switchAt  T0 in environment steps; 0 uses {@code late} from the start
 */
public record TargetSchedule(TdTargets early, TdTargets late, long switchAt) {

    public TargetSchedule {
        if (switchAt < 0) {
            throw new IllegalArgumentException("the target switch step T0 must be >= 0, got " + switchAt);
        }
    }

    /** The same targets at every step. */
    public static TargetSchedule fixed(TdTargets targets) {
        return new TargetSchedule(targets, targets, 0);
    }

    /** MAST's schema: one-step before {@code t0}, TD(λ) from {@code t0} on. */
    public static TargetSchedule hybrid(double gamma, double lambda, long t0) {
        return new TargetSchedule(TdTargets.oneStep(gamma), TdTargets.lambda(gamma, lambda), t0);
    }

    /** The targets in force at environment step {@code envSteps}. */
    public TdTargets at(long envSteps) {
        return envSteps < switchAt ? early : late;
    }
}
