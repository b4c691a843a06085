package rewire.recipe;

import rewire.sparsity.GrowthInit;

/**
 * A parsed {@code init} option: an {@link InitPart} with its standard deviation for
 * {@code normal:STD}, checked when parsed.
 *
 * @param part the kind
 * @param std  the standard deviation of {@link InitPart#NORMAL}, positive and finite; 0 otherwise
 */
public record InitChoice(InitPart part, double std) {
    /** Grown weights start at zero. */
    public static final InitChoice ZERO = new InitChoice(InitPart.ZERO, 0);

    public InitChoice {
        if (part == InitPart.NORMAL ? !(std > 0 && Double.isFinite(std)) : std != 0) {
            throw new IllegalArgumentException(part == InitPart.NORMAL
                    ? "normal:STD needs a positive finite STD, got " + std : part.key() + " takes no number");
        }
    }

    /**
     * {@code zero}, {@code he} or {@code normal:STD}.
     *
     * @throws IllegalArgumentException for anything else, naming the forms
     */
    public static InitChoice parse(String text) {
        if (text.equals(InitPart.ZERO.key())) {
            return ZERO;
        }
        if (text.equals(InitPart.HE.key())) {
            return new InitChoice(InitPart.HE, 0);
        }
        if (text.startsWith("normal:")) {
            try {
                return new InitChoice(InitPart.NORMAL, Double.parseDouble(text.substring("normal:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': STD of normal:STD is not a number", e);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an init; " + Parts.choices(InitPart.class));
    }

    /** The init. */
    public GrowthInit init() {
        return switch (part) {
            case ZERO -> GrowthInit.zero();
            case NORMAL -> GrowthInit.normal(std);
            case HE -> GrowthInit.heByFanIn();
        };
    }

    @Override
    public String toString() {
        return part == InitPart.NORMAL ? "normal:" + Parts.number(std) : part.key();
    }
}
