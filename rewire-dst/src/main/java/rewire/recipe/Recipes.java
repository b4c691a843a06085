package rewire.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import rewire.sparsity.DiagonalSelection;
import rewire.sparsity.Rewirer;
import rewire.sparsity.SrSte;

/**
 * The registry of DST methods by name, each with a typed options record ({@link RecipeOptions}),
 * its defaults and which of them are verified against the paper (see {@code docs/methods.md}).
 * Options given as {@code key=value} text are parsed and checked here, before any training: an
 * unknown recipe or option, a value that does not parse or lies outside its range fails with a
 * message that names the recipe, the option, the value and what is valid.
 */
public final class Recipes {
    private static final Recipes STANDARD = new Recipes(RecipeBook.all());

    private final Map<String, Spec<?>> specs = new LinkedHashMap<>();

    private Recipes(List<Spec<?>> all) {
        for (Spec<?> s : all) {
            specs.put(s.name(), s);
        }
    }

    /** Every method of {@code docs/methods.md}. */
    public static Recipes standard() {
        return STANDARD;
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

        /** A step count as a fraction of the run, at least 1. */
        long stepsAt(double fraction) {
            return Math.max(1, Math.round(fraction * totalSteps));
        }
    }

    /**
     * What a recipe's factory wires for a run.
     *
     * @param rewirer        the topology updates
     * @param initialDensity the global density of the starting patterns
     * @param srSte          the N:M SR-STE hook, or null
     * @param diagonals      DynaDiag's learned choice of diagonals, or null
     */
    public record Wiring(Rewirer rewirer, double initialDensity, SrSte srSte, DiagonalSelection diagonals) {
        /** Topology updates alone, or with SR-STE. */
        public Wiring(Rewirer rewirer, double initialDensity, SrSte srSte) {
            this(rewirer, initialDensity, srSte, null);
        }

        /** A sparse-to-sparse method: it starts at the plan's density. */
        static Wiring sparse(Rewirer rewirer, Plan plan) {
            return new Wiring(rewirer, plan.density(), null);
        }
    }

    /** Wires a recipe from a plan and its parsed options. */
    @FunctionalInterface
    public interface Factory<O extends Record> {
        Wiring create(Plan plan, O options);
    }

    /**
     * A registered method.
     *
     * @param name     the registry name
     * @param paper    the method's paper
     * @param summary  what it does, in one line
     * @param defaults its options record with the default values
     * @param chosen   the options whose defaults are ours rather than the paper's (docs/methods.md justifies each)
     * @param factory  how to wire it
     * @param <O>      its options record
     */
    public record Spec<O extends Record>(String name, String paper, String summary, O defaults, Set<String> chosen,
                                         Factory<O> factory) {
        public Spec {
            chosen = Set.copyOf(chosen);
            List<String> keys = OptionReader.fields(defaults).stream().map(OptionReader.Field::key).toList();
            if (!keys.containsAll(chosen)) {
                throw new IllegalArgumentException(name + ": chosen options " + chosen + " are not all among " + keys);
            }
        }

        /** Its options with defaults, docs, valid values and verified flags, in declaration order. */
        public List<RecipeOption> options() {
            return OptionReader.fields(defaults).stream().map(f -> new RecipeOption(f.key(),
                    OptionReader.text(f.defaultValue()), f.option().value(), OptionReader.valid(f),
                    !chosen.contains(f.key()))).toList();
        }

        /**
         * The defaults with {@code overrides} parsed in.
         *
         * @throws IllegalArgumentException naming the option, the value and what is valid
         */
        public O read(Map<String, String> overrides) {
            return OptionReader.read(name, defaults, overrides);
        }

        Recipe create(Plan plan, Map<String, String> overrides) {
            Wiring w = factory.create(plan, read(overrides));
            return new Recipe(label(overrides), paper, w.rewirer(), w.initialDensity(), w.srSte(), w.diagonals(), plan);
        }

        // the name with the options given, such as rigl[zeta=0.5]
        private String label(Map<String, String> overrides) {
            return overrides.isEmpty() ? name : name + new TreeMap<>(overrides).toString().replace('{', '[')
                    .replace('}', ']').replace(", ", ",");
        }
    }

    /** The registered method names. */
    public Set<String> names() {
        return new TreeSet<>(specs.keySet());
    }

    /**
     * The method {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, with the nearest one and all of them
     */
    public Spec<?> spec(String name) {
        Spec<?> s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no recipe named '" + name + "'" + Parts.didYouMean(name, names())
                    + "; known: " + names());
        }
        return s;
    }

    /** The method {@code name} with its default options. */
    public Recipe create(String name, Plan plan) {
        return create(name, plan, Map.of());
    }

    /**
     * The method {@code name} with some options given as text.
     *
     * @throws IllegalArgumentException for an unknown recipe or option, or an invalid value, naming what is valid
     */
    public Recipe create(String name, Plan plan, Map<String, String> overrides) {
        return spec(name).create(plan, overrides);
    }

    /**
     * Checks the options of {@code name} without a plan, so a configuration fails before training.
     *
     * @throws IllegalArgumentException as {@link #create} does
     */
    public void check(String name, Map<String, String> overrides) {
        spec(name).read(overrides);
    }
}
