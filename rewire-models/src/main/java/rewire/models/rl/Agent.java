package rewire.models.rl;

import java.util.List;
import java.util.function.Function;
import rewire.recipe.Recipe;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.train.OptimSettings;
import rewire.train.ParamGroup;

/**
 * How a learner's modules come to be: each module built on the patterns its regime's recipe
 * chose (full ones for a dense module) and paired with a target copy on the same patterns when
 * the learner needs one, and each module's parameter group with its own optimizer and recipe.
 *
 * @param plan        the run's length, for recipes and learning-rate schedules
 * @param policy      each module's regime
 * @param optimizers  each module's optimizer
 * @param seed        the run's generator; module {@code role} draws from its own streams
 */
public record Agent(Plan plan, ModuleSpecificPolicy policy, ModuleOptimizers optimizers, Rng seed) {
    private static final long TOPOLOGY_STREAM = 0x7090L;
    private static final long INIT_STREAM = 0x1417L;

    /**
     * The run's length.
     *
     * @param totalSteps    training steps
     * @param stepsPerEpoch training steps per epoch
     */
    public record Plan(long totalSteps, long stepsPerEpoch) {
    }

    /** A module and, when asked for, its target copy. */
    public record Built<M extends AgentModule>(M module, Recipe recipe, TargetNetwork<M> target) {
    }

    /** {@code role}'s recipe for this run, or null for a dense module. */
    public Recipe recipe(Role role) {
        return policy.recipe(role, plan.totalSteps(), plan.stepsPerEpoch());
    }

    /**
     * Builds {@code role}'s module with {@code make} on its recipe's starting patterns, with a target
     * copy on the same patterns if {@code withTarget}.
     */
    public <M extends AgentModule> Built<M> build(Role role, Function<LayerMaker, M> make, boolean withTarget) {
        Recipe recipe = recipe(role);
        Rng init = seed.fold(INIT_STREAM + role.ordinal());
        LayerMaker shapes = LayerMaker.dense(init);
        make.apply(shapes);
        List<SparsityPattern> patterns = recipe == null ? shapes.fullPatterns()
                : recipe.initialPatterns(shapes.shapes(), seed.fold(TOPOLOGY_STREAM + role.ordinal()));
        M online = make.apply(LayerMaker.onPatterns(patterns, init));
        TargetNetwork<M> target = withTarget ? new TargetNetwork<>(online, make.apply(LayerMaker.onPatterns(patterns,
                init))) : null;
        return new Built<>(online, recipe, target);
    }

    /**
     * {@code role}'s parameter group: the module's parameters, its optimizer, its recipe and, for
     * a sparse regime, its layers to rewire; FLOP layers applied {@code positions} times per example.
     */
    public ParamGroup group(Role role, Built<?> built, int positions) {
        OptimSettings optim = optimizers.of(role);
        AgentModule module = built.module();
        boolean dense = built.recipe() == null;
        return ParamGroup.builder(role.group(), module)
                .optimizer(optim.transform(plan.totalSteps()), optim.learningRate(plan.totalSteps()))
                .recipe(built.recipe()).sparseLayers(dense ? List.of() : module.layers())
                .flopLayers(module.flopLayers(dense, positions)).build();
    }
}
