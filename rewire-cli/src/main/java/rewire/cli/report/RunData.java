package rewire.cli.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything a report shows about one run, read from its folder by {@link RunReader#read}.
 * A run still in progress has no summary yet; optional files that are missing leave their part
 * empty.
 *
 * @param folder       the run folder
 * @param name         the run's name
 * @param status       {@code running}, {@code finished}, {@code failed: <message>} or {@code stopped}
 * @param startedAt    ISO-8601 start time, or empty
 * @param finishedAt   ISO-8601 end time, or empty while running
 * @param seed         the run's seed, when written
 * @param gitRevision  the source revision, or {@code unknown}
 * @param environment  where it ran
 * @param config       the resolved configuration as plain JSON values, key order kept
 * @param layers       the model's layers in order
 * @param summary      the end-of-run summary; empty while the run is in progress
 * @param connectivity first sparse layer's connections per input, when written
 * @param metrics      metric lines by split ({@code train}, {@code test}, {@code val}), in file order
 * @param rewires      topology updates by layer name, in file order
 * @param score        what the summary's and the metrics' accuracy measures ("test accuracy",
 *                     "test win rate", ...), from run.json
 */
public record RunData(Path folder, String name, String status, String startedAt, String finishedAt,
                      OptionalLong seed, String gitRevision, RunEnvironment environment, Map<String, Object> config,
                      List<LayerInfo> layers, Optional<RunSummary> summary, Optional<Connectivity> connectivity,
                      Map<String, List<MetricPoint>> metrics, Map<String, List<RewireEvent>> rewires,
                      String score) {

    public RunData {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        layers = List.copyOf(layers);
        metrics = copyOfLists(metrics);
        rewires = copyOfLists(rewires);
    }

    /** The metric lines of one split in file order, empty when the split was never logged. */
    public List<MetricPoint> split(String split) {
        return metrics.getOrDefault(split, List.of());
    }

    /** True when any metric line carries cumulative training FLOPs. */
    public boolean hasTrainingFlops() {
        return metrics.values().stream().flatMap(List::stream).anyMatch(p -> Double.isFinite(p.trainingFlops()));
    }

    /** True until the run writes its summary. */
    public boolean inProgress() {
        return summary.isEmpty();
    }

    private static <T> Map<String, List<T>> copyOfLists(Map<String, List<T>> byKey) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        byKey.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
