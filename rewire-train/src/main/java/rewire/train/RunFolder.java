package rewire.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import rewire.io.AtomicFile;
import rewire.io.FileErrors;
import rewire.io.Json;

/**
 * The folder of one training run (docs/run-folder.md): run.json, config.yaml, metrics.jsonl,
 * rewire.jsonl and checkpoints/. Whole files are replaced atomically; the JSON-lines logs are
 * appended and flushed line by line so a crash loses at most the line being written.
 */
public final class RunFolder {
    public static final String RUN_JSON = "run.json";
    public static final String CONFIG_YAML = "config.yaml";
    public static final String METRICS = "metrics.jsonl";
    public static final String REWIRE = "rewire.jsonl";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LAST_CHECKPOINT = "last.ckpt";

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** A new folder {@code parent/<name>-<yyyyMMdd-HHmmss>} (with a suffix if that exists). */
    public static RunFolder create(Path parent, String name) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = parent.resolve(name + "-" + stamp);
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(name + "-" + stamp + "-" + i);
        }
        try {
            Files.createDirectories(dir.resolve(CHECKPOINTS));
        } catch (IOException e) {
            throw new IOException("train.runs: cannot create the run folder " + dir.toAbsolutePath() + ": "
                    + FileErrors.reason(e), e);
        }
        return new RunFolder(dir);
    }

    /** An existing run folder; fails with the path when it has no run.json. */
    public static RunFolder open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RUN_JSON))) {
            throw new IllegalArgumentException(dir + " is not a run folder: it has no " + RUN_JSON);
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path path(String file) {
        return dir.resolve(file);
    }

    /** Replaces {@code file} atomically with {@code text}. */
    public void writeText(String file, String text) {
        try {
            AtomicFile.write(dir.resolve(file), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
        }
    }

    public String readText(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
        }
    }

    /** Replaces run.json with {@code record} as JSON. */
    public void writeRunJson(Map<String, ?> record) {
        writeText(RUN_JSON, Json.write(record) + "\n");
    }

    /** run.json as a map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> readRunJson() {
        return (Map<String, Object>) Json.parse(readText(RUN_JSON));
    }

    /** Appends one JSON object as a line to {@code file} (metrics.jsonl, rewire.jsonl). */
    public void appendLine(String file, Map<String, ?> object) {
        appendLine(file, Json.write(object));
    }

    /** Appends one line of JSON text to {@code file}. */
    public void appendLine(String file, String json) {
        try (Writer w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(json);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(file), e);
        }
    }

    /** Keeps only the lines that {@code keep} accepts (a resumed run drops what was logged after its checkpoint). */
    public void truncateLines(String file, java.util.function.Predicate<String> keep) {
        Path p = dir.resolve(file);
        if (!Files.exists(p)) {
            return;
        }
        try {
            StringBuilder kept = new StringBuilder();
            for (String line : Files.readAllLines(p)) {
                if (!line.isBlank() && keep.test(line)) {
                    kept.append(line).append('\n');
                }
            }
            writeText(file, kept.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + p, e);
        }
    }

    public Path checkpoint(long step) {
        return dir.resolve(CHECKPOINTS).resolve("step-" + step + ".ckpt");
    }

    public Path lastCheckpoint() {
        return dir.resolve(CHECKPOINTS).resolve(LAST_CHECKPOINT);
    }
}
