package rewire.recipe;

import rewire.sparsity.Constraint;

/**
 * A parsed {@code constraint} option: a {@link ConstraintPart} with its numbers ({@code n, m} of
 * N:M, the block's rows and columns), checked when parsed.
 *
 * @param part   the kind
 * @param first  n of N:M or the block's rows; 0 for kinds without numbers
 * @param second m of N:M or the block's columns; 0 for kinds without numbers
 */
public record ConstraintChoice(ConstraintPart part, int first, int second) {
    /** No structure. */
    public static final ConstraintChoice UNSTRUCTURED = new ConstraintChoice(ConstraintPart.UNSTRUCTURED, 0, 0);

    public ConstraintChoice {
        switch (part) {
            case N_OF_M -> {
                if (first < 1 || first > second) {
                    throw new IllegalArgumentException("N:M needs 1 <= N <= M, got " + first + ":" + second);
                }
            }
            case BLOCK -> {
                if (first < 1 || second < 1) {
                    throw new IllegalArgumentException("block:RxC needs R, C >= 1, got " + first + "x" + second);
                }
            }
            default -> {
                if (first != 0 || second != 0) {
                    throw new IllegalArgumentException(part.key() + " takes no numbers");
                }
            }
        }
    }

    /**
     * {@code unstructured}, {@code fan-in}, {@code diagonal}, {@code N:M} or {@code block:RxC}.
     *
     * @throws IllegalArgumentException for anything else, naming the forms
     */
    public static ConstraintChoice parse(String text) {
        for (ConstraintPart p : new ConstraintPart[] {ConstraintPart.UNSTRUCTURED, ConstraintPart.FAN_IN,
            ConstraintPart.DIAGONAL}) {
            if (text.equals(p.key())) {
                return new ConstraintChoice(p, 0, 0);
            }
        }
        boolean block = text.startsWith("block:");
        String[] numbers = block ? text.substring("block:".length()).split("x", -1) : text.split(":", -1);
        if (numbers.length == 2 && numbers[0].matches("\\d{1,6}") && numbers[1].matches("\\d{1,6}")) {
            return new ConstraintChoice(block ? ConstraintPart.BLOCK : ConstraintPart.N_OF_M,
                    Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1]));
        }
        throw new IllegalArgumentException("'" + text + "' is not a constraint; "
                + Parts.choices(ConstraintPart.class));
    }

    /** The constraint. */
    public Constraint constraint() {
        return switch (part) {
            case UNSTRUCTURED -> Constraint.unstructured();
            case FAN_IN -> Constraint.constantFanIn();
            case N_OF_M -> Constraint.nOfM(first, second);
            case BLOCK -> Constraint.block(first, second);
            case DIAGONAL -> Constraint.diagonal();
        };
    }

    /** The option text that parses back to this choice, such as {@code 2:4}. */
    @Override
    public String toString() {
        return switch (part) {
            case N_OF_M -> first + ":" + second;
            case BLOCK -> "block:" + first + "x" + second;
            default -> part.key();
        };
    }
}
