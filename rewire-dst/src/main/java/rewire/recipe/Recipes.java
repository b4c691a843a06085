package rewire.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.ch.CHVariant;
import rewire.sparsity.ch.CannistraciHebbGrowth;

/**
 * The registry of DST methods by name, each with documented options and defaults (see
 * {@code docs/methods.md}). Immutable: {@link #withGrowCriterion} and {@link #with} return a new
 * registry.
 *
 * <p>Growth by Cannistraci-Hebb link prediction lives outside this package. The CHT, CHTs and
 * CHTss recipes look up the grow criterion named by their {@code grower} option (default
 * {@value #CH_GROWER}); register it with
 * {@code Recipes.standard().withGrowCriterion("ch", GrowCriterion.scored("ch2-l3n", scorer))}.
 */
public final class Recipes {
    /** The name under which the CHT recipes find their grow criterion by default. */
    public static final String CH_GROWER = "ch";

    private final Map<String, Spec> specs;
    private final Map<String, GrowCriterion> growers;

    private Recipes(Map<String, Spec> specs, Map<String, GrowCriterion> growers) {
        this.specs = Map.copyOf(specs);
        this.growers = Map.copyOf(growers);
    }

    /**
     * Every method of {@code docs/methods.md}, with Cannistraci-Hebb CH2 growth registered under
     * {@value #CH_GROWER} (what CHT, CHTs and CHTss use).
     */
    public static Recipes standard() {
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (Spec s : RecipeBook.all()) {
            specs.put(s.name(), s);
        }
        return new Recipes(specs, Map.of(CH_GROWER, CannistraciHebbGrowth.criterion(CHVariant.CH2)));
    }

    /**
     * What every recipe needs to know about the run.
     *
     * @param totalSteps    optimizer steps of the whole run
     * @param stepsPerEpoch optimizer steps per epoch (per-epoch cadences)
     * @param density       the global target density (the ultra-sparse level for MST, the final one for GMP and CHTss)
     */
    public record Plan(long totalSteps, long stepsPerEpoch, double density) {
        public Plan {
            if (totalSteps <= 0 || stepsPerEpoch <= 0) {
                throw new IllegalArgumentException("a plan needs positive total steps and steps per epoch, got "
                        + totalSteps + " and " + stepsPerEpoch);
            }
            if (!(density > 0 && density <= 1)) {
                throw new IllegalArgumentException("target density must be in (0, 1], got " + density);
            }
        }
    }

    /** Builds a recipe from a plan, its options and the registry (for named grow criteria). */
    @FunctionalInterface
    public interface Factory {
        Recipe create(Plan plan, Options options, Recipes registry);
    }

    /**
     * A registered method.
     *
     * @param name    the registry name
     * @param paper   the method's paper
     * @param options its parameters with defaults
     * @param factory how to build it
     */
    public record Spec(String name, String paper, List<RecipeOption> options, Factory factory) {
        public Spec {
            options = List.copyOf(options);
        }
    }

    /** A registry that also knows {@code criterion} by {@code name} (for example "ch"). */
    public Recipes withGrowCriterion(String name, GrowCriterion criterion) {
        Map<String, GrowCriterion> more = new TreeMap<>(growers);
        more.put(name, criterion);
        return new Recipes(specs, more);
    }

    /** A registry with one more (or a replaced) method. */
    public Recipes with(Spec spec) {
        Map<String, Spec> more = new LinkedHashMap<>(specs);
        more.put(spec.name(), spec);
        return new Recipes(more, growers);
    }

    /** The registered method names. */
    public Set<String> names() {
        return new TreeSet<>(specs.keySet());
    }

    public Spec spec(String name) {
        Spec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no recipe named '" + name + "'; known: " + names());
        }
        return s;
    }

    /** The grow criterion registered as {@code name}. */
    public GrowCriterion growCriterion(String name) {
        GrowCriterion g = growers.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no grow criterion registered as '" + name + "' (registered: "
                    + growers.keySet() + "); add it with Recipes.withGrowCriterion(\"" + name + "\", criterion), "
                    + "for example GrowCriterion.scored(\"ch2-l3n\", scorer) for Cannistraci-Hebb growth");
        }
        return g;
    }

    /** The method {@code name} with its default options. */
    public Recipe create(String name, Plan plan) {
        return create(name, plan, Map.of());
    }

    /**
     * The method {@code name} with some options overridden.
     *
     * @throws IllegalArgumentException for an unknown recipe or option, naming the valid ones
     */
    public Recipe create(String name, Plan plan, Map<String, String> overrides) {
        Spec spec = spec(name);
        return spec.factory().create(plan, new Options(spec, overrides), this);
    }

    /** A recipe's options, defaults filled in, read with typed getters. */
    public static final class Options {
        private final String recipe;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> overrides;

        Options(Spec spec, Map<String, String> overrides) {
            this.recipe = spec.name();
            for (RecipeOption o : spec.options()) {
                values.put(o.key(), o.defaultValue());
            }
            for (String key : overrides.keySet()) {
                if (!values.containsKey(key)) {
                    throw new IllegalArgumentException("recipe " + recipe + " has no option '" + key + "'; options are "
                            + values.keySet());
                }
            }
            values.putAll(overrides);
            this.overrides = new TreeMap<>(overrides);
        }

        public String text(String key) {
            String v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException("recipe " + recipe + " has no option '" + key + "'");
            }
            return v;
        }

        public double number(String key) {
            try {
                return Double.parseDouble(text(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("recipe " + recipe + ": option " + key + " = '" + text(key)
                        + "' is not a number", e);
            }
        }

        public long integer(String key) {
            try {
                return Long.parseLong(text(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("recipe " + recipe + ": option " + key + " = '" + text(key)
                        + "' is not an integer", e);
            }
        }

        public boolean flag(String key) {
            String v = text(key);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("recipe " + recipe + ": option " + key + " = '" + v
                        + "' must be true or false");
            }
            return v.equals("true");
        }

        /** The recipe name with its non-default options, such as {@code rigl[zeta=0.5]}. */
        public String label() {
            return overrides.isEmpty() ? recipe : recipe + overrides.toString().replace('{', '[').replace('}', ']')
                    .replace(", ", ",");
        }
    }
}
