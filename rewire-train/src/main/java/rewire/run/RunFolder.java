package rewire.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rewire.io.AtomicFile;
import rewire.io.FileErrors;
import rewire.io.Json;

/**
 * The folder of one training run (docs/run-folder.md): run.json, config.yaml, metrics.jsonl,
 * rewire.jsonl and checkpoints/. Whole files are replaced atomically; the JSON-lines logs are
 * appended and flushed line by line so a crash loses at most the line being written.
 *
 * <p>Checkpoints: {@code checkpoints/step-<n>.ckpt} for the newest few, {@code last.ckpt} and
 * {@code best.ckpt} as links to the newest and to the best by the workload's primary score.
 */
public final class RunFolder {
    public static final String RUN_JSON = "run.json";
    public static final String CONFIG_YAML = "config.yaml";
    public static final String METRICS = "metrics.jsonl";
    public static final String REWIRE = "rewire.jsonl";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LAST_CHECKPOINT = "last.ckpt";
    public static final String BEST_CHECKPOINT = "best.ckpt";
    /** The folder of images: the report's plots and the workload's evaluation images. */
    public static final String PLOTS = "plots";

    private static final Pattern STEP_CHECKPOINT = Pattern.compile("step-(\\d+)\\.ckpt");

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

    /** Replaces {@code file} (a path inside the folder, such as plots/a.png) atomically with {@code bytes}. */
    public void writeBytes(String file, byte[] bytes) {
        Path p = dir.resolve(file);
        try {
            Files.createDirectories(p.getParent());
            AtomicFile.write(p, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p + ": " + FileErrors.reason(e), e);
        }
    }

    public String readText(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
        }
    }

    /** Replaces run.json with {@code record}. */
    public void writeRecord(RunRecord record) {
        writeText(RUN_JSON, record.toJson() + "\n");
    }

    /** run.json as a record. */
    public RunRecord readRecord() throws IOException {
        return RunRecord.read(dir.resolve(RUN_JSON));
    }

    /** Appends one JSON object as a line to {@code file} (metrics.jsonl, rewire.jsonl). */
    public void appendLine(String file, Map<String, ?> object) {
        try (Writer w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(Json.write(object));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(file), e);
        }
    }

    /** Keeps only the lines that {@code keep} accepts (a resumed run drops what was logged after its checkpoint). */
    public void truncateLines(String file, Predicate<String> keep) {
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

    /** The checkpoint file of the state after {@code step} steps. */
    public Path checkpoint(long step) {
        return dir.resolve(CHECKPOINTS).resolve("step-" + step + ".ckpt");
    }

    /** The newest checkpoint (a link to a step checkpoint). */
    public Path lastCheckpoint() {
        return dir.resolve(CHECKPOINTS).resolve(LAST_CHECKPOINT);
    }

    /** The checkpoint with the best primary score so far. */
    public Path bestCheckpoint() {
        return dir.resolve(CHECKPOINTS).resolve(BEST_CHECKPOINT);
    }

    /**
     * Points {@code link} (last.ckpt or best.ckpt) at {@code checkpoint} atomically: a hard link
     * made under a temporary name and renamed over the old one, or a copy where the file system
     * has no hard links.
     */
    public void pointAt(Path link, Path checkpoint) throws IOException {
        Path temp = link.resolveSibling("." + link.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createLink(temp, checkpoint);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(checkpoint, temp);
        }
        try {
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The step checkpoints, oldest first. */
    public List<Path> stepCheckpoints() throws IOException {
        List<long[]> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve(CHECKPOINTS), "step-*.ckpt")) {
            for (Path f : files) {
                Matcher m = STEP_CHECKPOINT.matcher(f.getFileName().toString());
                if (m.matches()) {
                    found.add(new long[] {Long.parseLong(m.group(1))});
                }
            }
        }
        found.sort((a, b) -> Long.compare(a[0], b[0]));
        return found.stream().map(s -> checkpoint(s[0])).toList();
    }

    /**
     * Deletes temporary files that a killed write left behind ({@code .<name>.<pid>-<n>.tmp} in the
     * folder and in checkpoints/); returns how many. Call only while no write is in flight.
     */
    public int removeStaleTemporaries() throws IOException {
        int removed = 0;
        for (Path d : List.of(dir, dir.resolve(CHECKPOINTS))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(d, ".*.tmp")) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        }
        return removed;
    }
}
