package rewire.models.gan;

import rewire.optim.Schedule;
import rewire.recipe.Recipe;
import rewire.recipe.Recipes;
import rewire.sparsity.Cadence;
import rewire.sparsity.ControlSignal;
import rewire.sparsity.DensityControl;
import rewire.sparsity.Distribution;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.PruneCriterion;
import rewire.sparsity.Rewirer;
import rewire.sparsity.Scope;

/**
 * The DST recipes of a GAN's two networks for a {@link GanRegime} (METHODS.md D.2, D.3), each a
 * value built from the engine's parts:
 * <ul>
 *   <li>static networks: the registry's {@code static} recipe at their density (ERK, never rewired);</li>
 *   <li>the generator's DST: RigL's parts with global magnitude pruning and global gradient growth
 *       over all of its layers, every {@code deltaT} steps, drop fraction {@code zeta} cosine-decayed
 *       to 0.005 over the run (PyTorch's CosineAnnealingLR with eta_min 0.005, as ADAPT's code);</li>
 *   <li>the discriminator's control: a {@link DensityControl} reading the balance ratio every
 *       {@code adjustEvery} steps, global gradient growth up and global magnitude pruning down,
 *       capped at 1 (relaxed, DDA) or at {@code d_max} with a DST exchange there (strict).</li>
 * </ul>
 */
final class GanRecipes {
    static final String PAPER = "Wang et al., NeurIPS 2023 (ADAPT)";
    private static final double ZETA_FLOOR = 0.005;

    private GanRecipes() {
    }

    /**
     * The two recipes of a run, either null for a dense network.
     *
     * @param generator     the generator's recipe, or null
     * @param discriminator the discriminator's recipe, or null
     */
    record Pair(Recipe generator, Recipe discriminator) {
    }

    /**
     * The recipes of {@code b.regime()} for a run of {@code totalSteps} discriminator updates
     * (generator updates at every {@code nCritic}-th), the discriminator's control reading {@code signal}.
     */
    static Pair of(BalanceSettings b, long totalSteps, long stepsPerEpoch, int nCritic, ControlSignal signal) {
        GanRegime regime = b.regime();
        if (regime.dense()) {
            return new Pair(null, null);
        }
        if (b.deltaT() % nCritic != 0) {
            throw new IllegalArgumentException("balance.deltaT (" + b.deltaT() + ") must be a multiple of gan.nCritic ("
                    + nCritic + "): the generator's topology is updated at steps where it trains");
        }
        Recipe generator = regime.generatorRewires() ? generatorDst(b, totalSteps, stepsPerEpoch)
                : staticRecipe(b.generatorDensity(), totalSteps, stepsPerEpoch);
        double start = regime.discriminatorStart(b);
        Recipe discriminator = regime.controlled() ? controlled(b, start, totalSteps, stepsPerEpoch, signal)
                : staticRecipe(start, totalSteps, stepsPerEpoch);
        return new Pair(generator, discriminator);
    }

    private static Recipe staticRecipe(double density, long totalSteps, long stepsPerEpoch) {
        return Recipes.standard().create("static", new Recipes.Plan(totalSteps, stepsPerEpoch, density));
    }

    private static Recipe generatorDst(BalanceSettings b, long totalSteps, long stepsPerEpoch) {
        Rewirer r = Rewirer.builder().cadence(Cadence.every(b.deltaT(), 0, totalSteps))
                .dropFraction(Schedule.cosine(b.zeta(), ZETA_FLOOR, totalSteps))
                .distribution(Distribution.erdosRenyiKernel()).scope(Scope.GLOBAL)
                .prune(PruneCriterion.magnitude()).grow(GrowCriterion.gradient()).build();
        Recipes.Plan plan = new Recipes.Plan(totalSteps, stepsPerEpoch, b.generatorDensity());
        return new Recipe("rigl-global[deltaT=" + b.deltaT() + ",zeta=" + b.zeta() + "]", PAPER
                + ", the generator's DST", r, b.generatorDensity(), null, plan);
    }

    private static Recipe controlled(BalanceSettings b, double start, long totalSteps, long stepsPerEpoch,
                                     ControlSignal signal) {
        GanRegime regime = b.regime();
        boolean strict = regime == GanRegime.ADAPT_STRICT;
        boolean dda = regime == GanRegime.DDA;
        double cap = strict ? b.maxDensity() : 1;
        DensityControl control = new DensityControl(signal, start, dda ? b.ddaLow() : b.low(),
                dda ? b.ddaHigh() : b.high(), b.step(), b.floor(), cap,
                strict ? Schedule.cosine(b.atCapZeta(), ZETA_FLOOR, totalSteps) : null);
        Rewirer r = Rewirer.builder().cadence(Cadence.every(b.adjustEvery(), 0, totalSteps)).control(control)
                .distribution(Distribution.erdosRenyiKernel()).scope(Scope.GLOBAL)
                .prune(PruneCriterion.magnitude()).grow(GrowCriterion.gradient()).build();
        Recipes.Plan plan = new Recipes.Plan(totalSteps, stepsPerEpoch, start);
        String name = regime.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "[band=" + control.low()
                + ".." + control.high() + ",cap=" + cap + ",every=" + b.adjustEvery() + "]";
        return new Recipe(name, PAPER + ", the discriminator's density control", r, start, null, plan);
    }
}
