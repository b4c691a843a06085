package rewire.recipe;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The registry of the engine's parts that recipe options name: every prune criterion, grow
 * criterion, constraint, distribution, scope, regrowth sampling and init, each listed once as an
 * enum constant with its name, paper and doc line. Options are parsed through it, and its error
 * messages, {@code rewire recipes} and the tables of docs/methods.md read the same list.
 */
public final class Parts {
    /**
     * One kind of part.
     *
     * @param title   what one of them is called in messages, such as "prune criterion"
     * @param options the recipe options that take it
     * @param type    the enum that lists them
     */
    public record Kind(String title, String options, Class<? extends Part> type) {
        /** Its parts, in declaration order. */
        public List<Part> parts() {
            return List.of(type.getEnumConstants());
        }
    }

    /** Every kind, in the order the docs list them. */
    public static final List<Kind> KINDS = List.of(
            new Kind("prune criterion", "prune, shrinkPrune", PrunePart.class),
            new Kind("grow criterion", "grow, grower", GrowPart.class),
            new Kind("constraint", "constraint", ConstraintPart.class),
            new Kind("distribution", "distribution", DistributionPart.class),
            new Kind("scope", "scope", ScopePart.class),
            new Kind("regrowth sampling", "regrowSampling", SamplingPart.class),
            new Kind("init", "init", InitPart.class),
            new Kind("initial topology", "topology", TopologyPart.class),
            new Kind("temperature curve", "anneal", AnnealPart.class));

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Parts() {
    }

    /**
     * The part of {@code type} named {@code text}.
     *
     * @throws IllegalArgumentException for another name, with the nearest name and every choice
     */
    public static <E extends Enum<E> & Part> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.key().equals(text)) {
                return e;
            }
        }
        List<String> keys = keys(type);
        throw new IllegalArgumentException("'" + text + "' is not a " + kind(type).title() + didYouMean(text, keys)
                + "; " + choices(type));
    }

    /** "choices: a, b, c" for the parts of {@code type}. */
    public static String choices(Class<? extends Part> type) {
        return "choices: " + String.join(", ", keys(type));
    }

    /** The kind that lists {@code type}. */
    public static Kind kind(Class<? extends Part> type) {
        return KINDS.stream().filter(k -> k.type() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " is not a kind of part"));
    }

    /** "; did you mean 'x'?" for the candidate nearest to {@code text} within a third of its length, or "". */
    static String didYouMean(String text, Collection<String> candidates) {
        return nearest(text, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    static Optional<String> nearest(String text, Collection<String> candidates) {
        int limit = Math.max(1, text.length() / 3);
        String best = null;
        int bestDistance = limit + 1;
        for (String c : candidates) {
            int d = DISTANCE.apply(text.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A number as option text: {@code 0.3}, {@code 100}, {@code 0.0002}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static List<String> keys(Class<? extends Part> type) {
        return Arrays.stream(type.getEnumConstants()).map(Part::key).collect(Collectors.toList());
    }
}
