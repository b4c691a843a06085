package rewire.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rewire.io.Json;

/**
 * Reads a JSON-lines file (one JSON object per line) of a run folder. Blank lines are skipped.
 * A final line without its newline that does not parse is taken to be still being written by a
 * running trainer and is left out; any other malformed line is an error naming file and line.
 */
final class JsonLines {
    private JsonLines() {
    }

    /** The objects of {@code file} in order; empty when the file does not exist. */
    static List<JsonFields> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // The element after the last '\n' is "" for a complete file, else a line still being written.
        int last = lines.length - 1;
        List<JsonFields> out = new ArrayList<>();
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
            out.add(JsonFields.of(value, file, i + 1));
        }
        return out;
    }
}
