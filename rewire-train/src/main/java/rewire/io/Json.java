package rewire.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON (RFC 8259) through Jackson: one shared, configured {@link JsonMapper} and a thin facade over
 * it. Plain values ({@link #parse}, {@link #write}) are {@code Map<String, ?>} (objects, key order
 * kept), {@code List<?>}, {@code String}, {@code Long} (every integer), {@code Double} (every other
 * number), {@code Boolean} and {@code null}; records and other types go through {@link #read} and
 * {@link #write} directly.
 *
 * <p>The mapper's settings, and why:
 * <ul>
 *   <li>non-finite numbers never reach a file: writing NaN or an infinity fails naming the field
 *       (JSON has no such numbers, and Jackson would write them as the strings "NaN", "Infinity");</li>
 *   <li>duplicate keys, trailing tokens, comments, trailing commas and integers beyond {@code long}
 *       are errors, and nesting is at most {@value #MAX_DEPTH} deep;</li>
 *   <li>records are read strictly: an unknown property is an error, a fraction is not an
 *       integer, a string is not a number; records are written in component order (Jackson 3 sorts
 *       alphabetically by default).</li>
 * </ul>
 * Errors are {@link IllegalArgumentException}s naming the source, the field (such as
 * {@code allies[2].x}), the problem and its line and column; a record checks its own fields in its
 * compact constructor with {@link FieldChecks}.
 */
public final class Json {
    static final int MAX_DEPTH = 256;
    /** Jackson's hints in parentheses that name its own types and features, such as "(set `X` to allow)". */
    private static final Pattern JACKSON_HINT = Pattern.compile(" \\([^()]*`[^()]*\\)");
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .addDecorator((factory, generator) -> new FiniteNumbers(generator))
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private Json() {
    }

    /** The shared mapper, for readers and writers that need more than this facade (trees, streams). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Compact JSON text for {@code value}: plain values, records, or anything else Jackson writes.
     *
     * @throws IllegalArgumentException for a non-finite number or a value Jackson cannot write,
     *     naming the field
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write JSON: " + describe(e), e);
        }
    }

    /**
     * The plain value of JSON text.
     *
     * @throws IllegalArgumentException naming the line, the column and the problem
     */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("JSON" + location(e) + ": " + problem(e), e);
        }
    }

    /**
     * JSON text read as {@code type}; {@code source} (such as the file name) starts every error.
     *
     * @throws IllegalArgumentException naming the source, the field and the problem
     */
    public static <T> T read(String text, Class<T> type, String source) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": " + describe(e), e);
        }
    }

    /** A JSON tree read as {@code type}; see {@link #read(String, Class, String)}. */
    public static <T> T read(JsonNode tree, Class<T> type, String source) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": " + describe(e), e);
        }
    }

    /** The JSON file {@code file} read as {@code type}; see {@link #read(String, Class, String)}. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return read(Files.readString(file), type, file.toString());
    }

    /**
     * A problem with the field {@code field} (a path such as {@code allies[2].type}) of the JSON
     * read from {@code source}, worded as {@link #read} words its own.
     */
    public static IllegalArgumentException fieldError(String source, String field, String problem) {
        return new IllegalArgumentException(source + ": " + field + ": " + problem);
    }

    /** "field: problem (line L, column C)", or without the field or the place when Jackson knows none. */
    private static String describe(JacksonException e) {
        String field = path(e);
        String problem = problem(e);
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidFieldException invalid) {
            field = field.isEmpty() ? invalid.field() : field + "." + invalid.field();
            problem = invalid.problem();
        } else if (e instanceof StreamReadException) {
            problem = "not valid JSON: " + problem;
        }
        String place = location(e);
        return (field.isEmpty() ? "" : field + ": ") + problem + (place.isEmpty() ? "" : " (" + place.strip() + ")");
    }

    /** The field path of the error: property names joined by dots, list indices in brackets. */
    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String problem(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field (known: " + unknown.getKnownPropertyIds() + ")";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        return JACKSON_HINT.matcher(e.getOriginalMessage()).replaceAll("");
    }

    /** " at line L, column C" where the parser knows the place, else empty. */
    private static String location(JacksonException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "";
        }
        return " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
