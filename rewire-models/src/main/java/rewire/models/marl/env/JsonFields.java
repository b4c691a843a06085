package rewire.models.marl.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, checked access to one parsed JSON object of a data file, so that every error names the
 * file and the full field path (for example {@code 3m.json: allies[2].x: expected a number}).
 */
final class JsonFields {
    private final String file;
    private final String path;
    private final Map<?, ?> map;

    private JsonFields(String file, String path, Map<?, ?> map) {
        this.file = file;
        this.path = path;
        this.map = map;
    }

    /** The top-level object of {@code file}'s parsed text {@code root}. */
    static JsonFields root(String file, Object root) {
        if (!(root instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(file + ": expected a JSON object at the top level");
        }
        return new JsonFields(file, "", m);
    }

    /** An error that names the file and the field {@code key} of this object. */
    IllegalArgumentException error(String key, String message) {
        return new IllegalArgumentException(file + ": " + field(key) + ": " + message);
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Rejects keys outside {@code allowed}, so a misspelt field is not silently ignored. */
    void rejectUnknown(Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw error(String.valueOf(key), "unknown field (allowed: " + allowed + ")");
            }
        }
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    private Object required(String key) {
        if (!map.containsKey(key) || map.get(key) == null) {
            throw error(key, "missing");
        }
        return map.get(key);
    }

    String string(String key) {
        if (required(key) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw error(key, "expected a non-empty string, got " + map.get(key));
    }

    /** A finite number at least {@code min}. */
    double number(String key, double min) {
        if (!(required(key) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw error(key, "expected a number, got " + map.get(key));
        }
        if (n.doubleValue() < min) {
            throw error(key, "must be at least " + min + ", got " + n);
        }
        return n.doubleValue();
    }

    double number(String key, double min, double fallback) {
        return has(key) ? number(key, min) : fallback;
    }

    /** A whole number at least {@code min}. */
    int integer(String key, int min) {
        double v = number(key, min);
        if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw error(key, "expected a whole number, got " + map.get(key));
        }
        return (int) v;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (map.get(key) instanceof Boolean b) {
            return b;
        }
        throw error(key, "expected true or false, got " + map.get(key));
    }

    JsonFields object(String key) {
        if (required(key) instanceof Map<?, ?> m) {
            return new JsonFields(file, field(key), m);
        }
        throw error(key, "expected an object");
    }

    /** The keys of this object in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    /** The elements of the array {@code key}, each an object. */
    List<JsonFields> objects(String key) {
        List<?> list = list(key);
        List<JsonFields> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw error(key + "[" + i + "]", "expected an object");
            }
            out.add(new JsonFields(file, field(key) + "[" + i + "]", m));
        }
        return out;
    }

    /** The elements of the array {@code key}, each a non-empty string. */
    List<String> strings(String key) {
        List<?> list = list(key);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank()) {
                throw error(key + "[" + i + "]", "expected a non-empty string");
            }
            out.add(s);
        }
        return out;
    }

    private List<?> list(String key) {
        if (required(key) instanceof List<?> l) {
            return l;
        }
        throw error(key, "expected an array");
    }
}
