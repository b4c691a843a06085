package rewire.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import rewire.io.CorruptFileException;
import rewire.io.Json;
import rewire.train.Score;

/**
 * The one schema of run.json (docs/run-folder.md): written by {@link TrainingRun} when a run starts,
 * stops, fails or finishes, and read by every command that looks at a run. Unknown fields are
 * ignored on reading, so a newer Rewire reads an older folder.
 *
 * @param status      "running", "finished", "stopped" or "failed: <why>"
 * @param environment the machine, JDK, kernels and threads (see {@code rewire.train.Environment})
 * @param workload    the workload's name ("mlp-fashion-mnist", "gpt-char")
 * @param sampleUnit  what a sample is for throughput ("examples", "tokens", "env steps")
 * @param groups      the parameter groups with their recipes
 * @param scores      the scores the workload evaluates, the primary one first
 * @param warnings    what the configuration does that a user may not expect
 * @param config      the resolved configuration as plain values
 * @param layers      every linear layer with its group, shape, nnz and representation
 * @param summary     what the run achieved and cost; null while running
 * @param connectivity the first sparse layer's connections per input pixel; null when not an image
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunRecord(String name, String status, long seed, String gitRevision, Map<String, Object> environment,
                        String workload, String sampleUnit, List<Group> groups, List<Score> scores,
                        List<String> warnings, Object config, List<Layer> layers, String startedAt,
                        String finishedAt, RunSummary summary, Connectivity connectivity) {

    /** The status of a run that ended normally. */
    public static final String FINISHED = "finished";
    /** The status of a run stopped by a signal (resumable). */
    public static final String STOPPED = "stopped";
    /** The status of a run in progress (or killed without a chance to say so). */
    public static final String RUNNING = "running";

    public RunRecord {
        groups = groups == null ? List.of() : List.copyOf(groups);
        scores = scores == null ? List.of() : List.copyOf(scores);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /**
     * A parameter group as run.json records it.
     *
     * @param recipe the recipe's name with its non-default options, or "dense"
     * @param density the group's density over its sparse layers at the time of writing
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String name, String recipe, double density, boolean frozen) {
    }

    /**
     * One linear layer: kind "sparse" or "dense", representation CSR, DENSE (masked) or DENSE.
     *
     * @param nnz        stored weights at the time of writing
     * @param initialNnz stored weights when the run started, kept when the record is rewritten (at
     *                   the end, on resume), so the density plot can start where training did (MST's
     *                   dense warm-up); null in records written before it existed
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Layer(String name, String group, String kind, int in, int out, long nnz, double density,
                        String representation, Long initialNnz) {
    }

    /** Outgoing connections of the first sparse layer per input pixel, an image of {@code shape} (rows, cols). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Connectivity(String layer, List<Integer> shape, List<Long> counts) {
        public Connectivity {
            shape = List.copyOf(shape);
            counts = List.copyOf(counts);
            if (shape.size() != 2 || (long) shape.get(0) * shape.get(1) != counts.size()) {
                throw new IllegalArgumentException("connectivity of " + layer + ": shape " + shape + " does not hold "
                        + counts.size() + " counts");
            }
        }

        public int rows() {
            return shape.get(0);
        }

        public int cols() {
            return shape.get(1);
        }

        /** The count of input pixel (row, col). */
        public long count(int row, int col) {
            return counts.get(row * cols() + col);
        }

        /** The largest count. */
        public long max() {
            return counts.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    /** The primary score (the first), or null for a record written before scores existed. */
    public Score primaryScore() {
        return scores.isEmpty() ? null : scores.get(0);
    }

    /** The recipes of the groups, joined with "+" for a multi-group run ("rigl", "dense+rigl"). */
    public String recipes() {
        return String.join("+", groups.stream().map(Group::recipe).toList());
    }

    /** This record with another status, end time and summary. */
    public RunRecord ended(String newStatus, String endedAt, RunSummary newSummary, List<Layer> newLayers,
                           Connectivity newConnectivity) {
        return new RunRecord(name, newStatus, seed, gitRevision, environment, workload, sampleUnit, groups, scores,
                warnings, config, newLayers, startedAt, endedAt, newSummary, newConnectivity);
    }

    /** The JSON text, one object on one line. */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * Reads the run.json at {@code file}.
     *
     * @throws CorruptFileException when it is not JSON, or not an object of this schema; the message
     *     names the file and, for a syntax error, the line
     */
    public static RunRecord read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + ": no run.json (is this a run folder?)");
        }
        RunRecord r;
        try {
            r = Json.read(text, RunRecord.class, file.toString());
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(file.toString(), "not a valid run.json: "
                    + e.getMessage().substring(file.toString().length() + 2));
        }
        if (r == null || r.name() == null || r.status() == null) {
            throw new CorruptFileException(file.toString(), "not a run record (it needs at least 'name' and 'status')");
        }
        return r;
    }
}
