package rewire.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Typed, checked access to one parsed JSON object of a run-folder file. A missing key or a JSON
 * {@code null} reads as absent (NaN, empty, the fallback); a value of the wrong type is a
 * {@link RunFormatException} naming the file, the line and the key.
 */
final class JsonFields {
    private final Map<?, ?> map;
    private final Path file;
    private final int line;

    private JsonFields(Map<?, ?> map, Path file, int line) {
        this.map = map;
        this.file = file;
        this.line = line;
    }

    /** The fields of {@code value}, which must be a JSON object; {@code line} is 0 for a whole file. */
    static JsonFields of(Object value, Path file, int line) throws RunFormatException {
        if (value instanceof Map<?, ?> m) {
            return new JsonFields(m, file, line);
        }
        throw new RunFormatException(file, line, "expected a JSON object, got " + typeName(value));
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    /** The string at {@code key}, or {@code fallback} when absent. */
    String string(String key, String fallback) throws RunFormatException {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string", v);
    }

    /** The string at {@code key}, which must be present. */
    String requiredString(String key) throws RunFormatException {
        require(key);
        return string(key, null);
    }

    /** The number at {@code key}, or NaN when absent. */
    double number(String key) throws RunFormatException {
        Object v = map.get(key);
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, "a number", v);
    }

    /** The whole number at {@code key}, or empty when absent; integral doubles such as 1e3 are accepted. */
    OptionalLong count(String key) throws RunFormatException {
        Object v = map.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        Long whole = whole(v);
        if (whole == null) {
            throw wrongType(key, "a whole number", v);
        }
        return OptionalLong.of(whole);
    }

    /** The whole number at {@code key}, which must be present. */
    long requiredCount(String key) throws RunFormatException {
        require(key);
        return count(key).orElseThrow();
    }

    /** The object at {@code key}, or an empty one when absent. */
    JsonFields object(String key) throws RunFormatException {
        Object v = map.get(key);
        if (v == null) {
            return new JsonFields(Map.of(), file, line);
        }
        if (v instanceof Map<?, ?> m) {
            return new JsonFields(m, file, line);
        }
        throw wrongType(key, "an object", v);
    }

    /** The array at {@code key}, or an empty one when absent. */
    List<?> list(String key) throws RunFormatException {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        throw wrongType(key, "an array", v);
    }

    /** The array of objects at {@code key}, or an empty list when absent. */
    List<JsonFields> objects(String key) throws RunFormatException {
        List<JsonFields> out = new ArrayList<>();
        for (Object element : list(key)) {
            if (!(element instanceof Map<?, ?> m)) {
                throw wrongType(key, "an array of objects", element);
            }
            out.add(new JsonFields(m, file, line));
        }
        return out;
    }

    /** The array of whole numbers at {@code key}, or an empty array when absent. */
    long[] counts(String key) throws RunFormatException {
        List<?> values = list(key);
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            Long whole = whole(values.get(i));
            if (whole == null) {
                throw wrongType(key + "[" + i + "]", "a whole number", values.get(i));
            }
            out[i] = whole;
        }
        return out;
    }

    /** The object at {@code key} as plain Java values (key order kept), or empty when absent. */
    Map<String, Object> raw(String key) throws RunFormatException {
        Map<String, Object> out = new LinkedHashMap<>();
        object(key).map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** A defect of this object's file and line. */
    RunFormatException error(String defect) {
        return new RunFormatException(file, line, defect);
    }

    private void require(String key) throws RunFormatException {
        if (!has(key)) {
            throw error("missing required field \"" + key + "\"");
        }
    }

    // The parser gives integers as Long; a writer may also have written 1e3 or 2.0.
    private static Long whole(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        return null;
    }

    private RunFormatException wrongType(String key, String expected, Object actual) {
        return error("field \"" + key + "\" must be " + expected + ", got " + typeName(actual));
    }

    private static String typeName(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
            case Number n -> "the number " + n;
            case Boolean b -> b.toString();
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            default -> v.getClass().getSimpleName();
        };
    }
}
