package rewire.io;

/**
 * Checks for the compact constructors of records read from JSON ({@link Json#read}): each failure
 * is an {@link InvalidFieldException} naming the field, which {@code Json.read} reports with the
 * source and the field's full path ({@code units.json: units[3].weapon.range: must be at least 0}).
 * A record states its file format's rules where its fields are declared.
 */
public final class FieldChecks {
    private FieldChecks() {
    }

    /**
     * {@code value}, which the document must hold.
     *
     * @throws InvalidFieldException "missing" when the field was absent or null
     */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "missing");
        }
        return value;
    }

    /** {@code value}, which must be present and not blank. */
    public static String nonBlank(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return value;
    }

    /** {@code value}, which must be present and at least {@code min}. */
    public static double atLeast(Double value, double min, String field) {
        if (required(value, field) < min) {
            throw new InvalidFieldException(field, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value}, which must be present and at least {@code min}. */
    public static int atLeast(Integer value, int min, String field) {
        if (required(value, field) < min) {
            throw new InvalidFieldException(field, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value} when present (at least {@code min}), else {@code fallback}. */
    public static double orDefault(Double value, double min, double fallback, String field) {
        return value == null ? fallback : atLeast(value, min, field);
    }
}
