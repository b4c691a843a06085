package rewire.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rewire.io.Json;

/**
 * Reads a JSON-lines file (one JSON object per line) of a run folder. Blank lines are skipped.
 * A final line without its newline that does not parse is taken to be still being written by a
 * running trainer and is left out; any other malformed line is an error naming file and line.
 */
final class JsonLines {
    private JsonLines() {
    }

    /** One object of the file with its 1-based line number. */
    record Line(int number, Map<String, Object> fields) {
    }

    /** The objects of {@code file} in order; empty when the file does not exist. */
    static List<Line> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // The element after the last '\n' is "" for a complete file, else a line still being written.
        int last = lines.length - 1;
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Object value;
            try {
                value = Json.parse(line);
            } catch (IllegalArgumentException e) {
                if (i == last) {
                    break;
                }
                throw new RunFormatException(file, i + 1, "malformed JSON: " + e.getMessage());
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new RunFormatException(file, i + 1, "expected a JSON object, got " + line);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            out.add(new Line(i + 1, fields));
        }
        return out;
    }

    /** The number {@code key} of {@code line}, NaN when absent; an error naming file and line when not a number. */
    static double number(Path file, Line line, String key) throws RunFormatException {
        Object v = line.fields().get(key);
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new RunFormatException(file, line.number(), "\"" + key + "\" must be a number, got " + v);
    }

    /** The required whole number {@code key} of {@code line}. */
    static long count(Path file, Line line, String key) throws RunFormatException {
        Object v = line.fields().get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new RunFormatException(file, line.number(), "\"" + key + "\" must be a whole number, got " + v);
    }

    /** The text {@code key} of {@code line}, or {@code fallback} when absent. */
    static String text(Line line, String key, String fallback) {
        Object v = line.fields().get(key);
        return v == null ? fallback : v.toString();
    }
}
