package rewire.models.rl;

import rewire.recipe.Recipe;

/**
 * Which sparsity regime each module of an agent trains under: Module-Specific Training (Ma et
 * al., "Rethinking the Role of Dynamic Sparse Training for Scalable Deep Reinforcement Learning",
 * 2025; METHODS G). A value built from one {@link ModuleRegime} per {@link Role}, each mapped to a
 * recipe of the registry; the run gives every module's parameter group its own recipe. The
 * default is the paper's recommendation: a dense encoder, a critic under dynamic sparse training
 * (RigL) and a static sparse actor, both sparse modules at sparsity 0.6 with Erdős-Rényi budgets.
 * Target networks follow their online modules' masks ({@link TargetNetwork}).
 *
 * @param encoder the encoder's regime
 * @param critic  the critic's regime
 * @param actor   the actor's regime (unused by DQN, which has no actor)
 */
public record ModuleSpecificPolicy(ModuleRegime encoder, ModuleRegime critic, ModuleRegime actor) {

    public ModuleSpecificPolicy {
        if (encoder == null || critic == null || actor == null) {
            throw new IllegalArgumentException("policy: the encoder, critic and actor regimes must all be set");
        }
    }

    /** Ma et al.'s recommendation: encoder dense, critic DST, actor static. */
    public static ModuleSpecificPolicy defaults() {
        return new ModuleSpecificPolicy(ModuleRegime.of(Regime.DENSE), ModuleRegime.of(Regime.DST),
                ModuleRegime.of(Regime.STATIC));
    }

    /** Every module under {@code regime} at its default sparsity: the uniform baselines. */
    public static ModuleSpecificPolicy uniform(Regime regime) {
        ModuleRegime r = ModuleRegime.of(regime);
        return new ModuleSpecificPolicy(r, r, r);
    }

    /** The regime of {@code role}. */
    public ModuleRegime regime(Role role) {
        return switch (role) {
            case ENCODER -> encoder;
            case CRITIC -> critic;
            case ACTOR -> actor;
        };
    }

    /** The recipe of {@code role}'s group for a run of {@code totalSteps}, or null for a dense module. */
    public Recipe recipe(Role role, long totalSteps, long stepsPerEpoch) {
        return regime(role).recipe(totalSteps, stepsPerEpoch);
    }
}
