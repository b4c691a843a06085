package rewire.models.marl;

/**
 * The three value-learning parts of MAST (Hu et al., "Value-Based Deep Multi-Agent Reinforcement
 * Learning with Dynamic Sparse Training", NeurIPS 2024), each switchable for ablations; the fourth
 * part, RigL topology evolution of every network, is the {@code sparsity} section. Values marked
 * UNV live in the paper's appendix, which was not available (docs/METHODS.md A): they are
 * placeholders to tune, not the paper's.
 *
 * @param softMellowmax  soft mellowmax of each agent's target utilities instead of max / double Q
 * @param omega          SM's ω > 0 (paper: 5 or 10 depending on the map; 10 here)
 * @param alpha          SM's α (UNV; 1)
 * @param hybridTd       one-step targets before {@code t0}, TD(λ) after
 * @param t0             the switch, in environment steps (UNV; 1/4 of a short run's budget is a guess)
 * @param lambda         TD(λ)'s λ (UNV; 0.6 as pymarl2's QMIX)
 * @param dualBuffer     a small buffer of recent episodes beside the large one
 * @param smallCapacity  small-buffer episodes; 0 means the paper's ratio, large capacity / 50
 * @param fracSmall      fraction of each batch from the small buffer (paper 3 : 1 → 0.25)
 */
public record MastSettings(boolean softMellowmax, double omega, double alpha, boolean hybridTd, long t0,
                           double lambda, boolean dualBuffer, int smallCapacity, double fracSmall) {

    public MastSettings {
        new SoftMellowmax(omega, alpha);
        if (t0 < 0 || !(lambda >= 0 && lambda <= 1) || smallCapacity < 0 || !(fracSmall >= 0 && fracSmall <= 1)) {
            throw new IllegalArgumentException("mast: need t0 >= 0, lambda and fracSmall in [0, 1], smallCapacity >= 0;"
                    + " got " + t0 + ", " + lambda + ", " + fracSmall + ", " + smallCapacity);
        }
    }

    /** Every part off: plain QMIX or VDN. */
    public static MastSettings defaults() {
        return new MastSettings(false, 10, 1, false, 50_000, 0.6, false, 0, 0.25);
    }

    /** The replay for a large capacity of {@code capLarge} episodes. */
    public DualReplay replay(int capLarge) {
        if (!dualBuffer) {
            return DualReplay.single(capLarge);
        }
        int small = smallCapacity > 0 ? smallCapacity : DualReplay.defaultSmallCapacity(capLarge);
        return new DualReplay(capLarge, small, fracSmall);
    }

    /** The target schedule: hybrid when {@link #hybridTd}, else the learner's fixed targets. */
    public TargetSchedule targets(LearnerSettings learner) {
        return hybridTd ? TargetSchedule.hybrid(learner.gamma(), lambda, t0) : TargetSchedule.fixed(learner.tdTargets());
    }

    /** The bootstrap operator: soft mellowmax, else double Q or max as the learner says. */
    public BootstrapOperator operator(LearnerSettings learner) {
        return softMellowmax ? BootstrapOperator.SOFT_MELLOWMAX
                : learner.doubleQ() ? BootstrapOperator.DOUBLE_Q : BootstrapOperator.MAX;
    }
}
