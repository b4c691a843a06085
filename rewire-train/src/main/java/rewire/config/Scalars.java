package rewire.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scalar types of configuration records and their text forms: {@code int}, {@code long},
 * {@code float}, {@code double}, {@code boolean} (and their boxes), {@code String}, {@code Path},
 * {@link NameOrPath} and enums. Numbers are decimal ({@code 1e-4}, {@code .5}, {@code inf},
 * {@code nan} allowed for floating point); booleans are {@code true} or {@code false} in any case;
 * enum constants match ignoring case with {@code -} for {@code _}, and are written in lower case.
 * A relative path resolves against the folder of the node that holds it, so a bound path is
 * absolute and means the same file from any working directory.
 */
final class Scalars {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?(\\.?inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAN = Pattern.compile("\\.?nan", Pattern.CASE_INSENSITIVE);
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            float.class, Float.class, double.class, Double.class, boolean.class, Boolean.class);

    private Scalars() {
    }

    static boolean supports(Class<?> type) {
        Class<?> boxed = box(type);
        return BOXES.containsValue(boxed) || isText(type) || type.isEnum();
    }

    /** What a value of {@code type} looks like, for "expected ..." messages. */
    static String expected(Class<?> type) {
        Class<?> boxed = box(type);
        if (boxed == Integer.class || boxed == Long.class) {
            return "an integer (" + type.getSimpleName() + ")";
        }
        if (boxed == Float.class || boxed == Double.class) {
            return "a number (" + type.getSimpleName() + ")";
        }
        if (boxed == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Scalars::format).toList();
        }
        if (type == NameOrPath.class) {
            return "a name or a path";
        }
        return type == Path.class ? "a path" : "a string";
    }

    /**
     * The value of {@code text} as {@code type}; a relative path resolves against {@code folder}.
     *
     * @throws IllegalArgumentException when the text is not such a value; the message may hold a
     *     hint (range, nearest enum constant) to append to the "expected" message
     */
    static Object parse(Class<?> type, String text, Path folder) {
        Class<?> boxed = box(type);
        if (boxed == Integer.class || boxed == Long.class) {
            if (!INTEGER.matcher(text).matches()) {
                throw new IllegalArgumentException("");
            }
            long value = parseLong(text);
            if (boxed == Integer.class && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(", which is out of range");
            }
            return boxed == Integer.class ? (Object) (int) value : (Object) value;
        }
        if (boxed == Float.class || boxed == Double.class) {
            double value = parseDouble(text);
            if (boxed == Float.class && Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
                throw new IllegalArgumentException(", which is out of range");
            }
            return boxed == Float.class ? (Object) (float) value : (Object) value;
        }
        if (boxed == Boolean.class) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("");
            }
            return Boolean.parseBoolean(text);
        }
        if (type.isEnum()) {
            return parseEnum(type, text);
        }
        if (type == NameOrPath.class) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("");
            }
            return NameOrPath.parse(text, folder);
        }
        return type == Path.class ? folder.resolve(text).normalize() : text;
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(", which is out of range");
        }
    }

    private static double parseDouble(String text) {
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        throw new IllegalArgumentException("");
    }

    private static Object parseEnum(Class<?> type, String text) {
        String wanted = text.replace('-', '_');
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        Optional<String> nearest = Suggest.nearest(text,
                Arrays.stream(type.getEnumConstants()).map(Scalars::format).toList());
        throw new IllegalArgumentException(Suggest.didYouMean(nearest));
    }

    /** The text form of a scalar value, which {@link #parse} reads back to an equal value. */
    static String format(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }

    /** Whether values of this type are written as quoted text rather than literals. */
    static boolean isText(Class<?> type) {
        return type == String.class || Path.class.isAssignableFrom(type) || type == NameOrPath.class;
    }

    private static Class<?> box(Class<?> type) {
        return BOXES.getOrDefault(type, type);
    }
}
