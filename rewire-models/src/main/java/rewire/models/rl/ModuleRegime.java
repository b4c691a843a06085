package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.recipe.Recipe;
import rewire.train.SparsitySettings;

/**
 * One module's sparsity regime with its parameters: the sparsity (the target of a sparse regime,
 * the start of {@link Regime#SPARSE_TO_DENSE}, the end of {@link Regime#DENSE_TO_SPARSE}) and the
 * regime's recipe options as {@code key=value} (see {@code rewire recipes NAME}: {@code deltaT},
 * {@code zeta}, ...). Unless the options say otherwise, layers share the module's budget by
 * Erdős-Rényi densities ({@code distribution=er}), as Ma et al. do.
 *
 * @param regime   how the module's connections are trained
 * @param sparsity the fraction of connections absent, in [0, 1) (ignored by a dense module)
 * @param options  the recipe's options, such as {@code [deltaT=100, zeta=0.3]}
 */
public record ModuleRegime(Regime regime, double sparsity, List<String> options) {

    public ModuleRegime {
        options = List.copyOf(options);
        if (regime == null) {
            throw new IllegalArgumentException("a module's regime must be set: dense, static, dst, dense-to-sparse or "
                    + "sparse-to-dense");
        }
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + sparsity);
        }
        if (regime != Regime.DENSE && sparsity == 0) {
            throw new IllegalArgumentException("regime " + regime + " needs a sparsity above 0");
        }
        if (regime == Regime.DENSE && !options.isEmpty()) {
            throw new IllegalArgumentException("a dense module has no recipe, so no options; got " + options);
        }
        settings(regime, sparsity, options);
    }

    /** A regime at sparsity 0.6 with the recipe's defaults (and ER budgets). */
    public static ModuleRegime of(Regime regime) {
        return new ModuleRegime(regime, 0.6, List.of());
    }

    /** The sparsity settings this regime stands for, checked against the registry; null when dense. */
    SparsitySettings settings() {
        return settings(regime, sparsity, options);
    }

    private static SparsitySettings settings(Regime regime, double sparsity, List<String> options) {
        if (regime == Regime.DENSE) {
            return null;
        }
        List<String> all = new ArrayList<>(options);
        if (options.stream().noneMatch(o -> o.trim().startsWith("distribution="))) {
            all.add("distribution=er");
        }
        return new SparsitySettings(regime.recipe(), 1 - sparsity, all);
    }

    /** The recipe for a run of {@code totalSteps} with {@code stepsPerEpoch}, or null when dense. */
    public Recipe recipe(long totalSteps, long stepsPerEpoch) {
        SparsitySettings s = settings();
        return s == null ? null : s.create(totalSteps, stepsPerEpoch);
    }
}
