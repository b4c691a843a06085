package rewire.io;

/**
 * A field of a record read from JSON that the record's compact constructor rejects: missing, out
 * of range, inconsistent with another (see {@link FieldChecks}). {@link Json#read} reports it with the source and the field's
 * full path ({@code bad.json: allies[0].count: must be at least 1}).
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    /** {@code field}: the component's name in the JSON document; {@code problem}: what is wrong. */
    public InvalidFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
