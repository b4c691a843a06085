package rewire.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.recipe.Recipe;
import rewire.recipe.Recipes;

/**
 * The sparsity section of a run's configuration: which DST recipe, at what density, with which
 * of its options (see {@code rewire recipes} and docs/methods.md).
 *
 * @param recipe  a registered recipe name, or "dense" for a dense model
 * @param density the global target density (the recipe decides how layers share it)
 * @param options the recipe's options as {@code key=value}, for example {@code deltaT=100}
 */
public record SparsitySettings(String recipe, double density, List<String> options) {

    /** The recipe name that means a dense model with no rewiring. */
    public static final String DENSE = "dense";

    /**
     * @throws IllegalArgumentException for a density outside (0, 1], an option that is not
     *     {@code key=value}, an unknown recipe or option, or an option value that does not parse or
     *     lies outside its range: everything that can be checked before the run's length is known
     */
    public SparsitySettings {
        options = List.copyOf(options);
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("sparsity.density must be in (0, 1], got " + density);
        }
        Map<String, String> parsed = parse(options);
        if (!recipe.equals(DENSE)) {
            registry().check(recipe, parsed);
        }
    }

    /** RigL at 10% density (90% sparsity), the DST default. */
    public static SparsitySettings defaults() {
        return new SparsitySettings("rigl", 0.1, List.of());
    }

    public boolean isDense() {
        return recipe.equals(DENSE);
    }

    /** Every recipe Rewire knows, Cannistraci-Hebb growth included. */
    public static Recipes registry() {
        return Recipes.standard();
    }

    /**
     * The recipe for a run of {@code totalSteps} steps with {@code stepsPerEpoch} per epoch.
     *
     * @throws IllegalArgumentException for an option that does not fit the run (see the constructor for the rest)
     */
    public Recipe create(long totalSteps, long stepsPerEpoch) {
        if (isDense()) {
            throw new IllegalStateException("a dense run has no recipe");
        }
        return registry().create(recipe, new Recipes.Plan(totalSteps, stepsPerEpoch, density), parse(options));
    }

    // key=value entries by key
    private static Map<String, String> parse(List<String> options) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("sparsity.options entry '" + o + "' is not key=value");
            }
            String key = o.substring(0, eq).trim();
            if (parsed.put(key, o.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("sparsity.options sets " + key + " twice");
            }
        }
        return parsed;
    }
}
