package rewire.cli.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rewire.run.RunRecord;
import rewire.run.RunSummary;
import rewire.train.Score;

/**
 * Everything a report shows about one run, read from its folder by {@link RunReader#read}: its
 * run.json record, its metric lines and its topology updates. A run still in progress has no
 * summary yet; optional files that are missing leave their part empty.
 *
 * @param folder  the run folder
 * @param record  run.json
 * @param metrics metric lines by split ({@code train}, {@code test}, {@code val}), in file order
 * @param rewires topology updates by layer name, in file order
 */
public record RunData(Path folder, RunRecord record, Map<String, List<MetricPoint>> metrics,
                      Map<String, List<RewireEvent>> rewires) {

    public RunData {
        metrics = copyOfLists(metrics);
        rewires = copyOfLists(rewires);
    }

    public String name() {
        return record.name();
    }

    public String status() {
        return record.status();
    }

    /** The end-of-run summary; empty while the run is in progress. */
    public Optional<RunSummary> summary() {
        return Optional.ofNullable(record.summary());
    }

    /** The workload's scores, the primary one first (empty for a record without them). */
    public List<Score> scores() {
        return record.scores();
    }

    /** The metric lines of one split in file order, empty when the split was never logged. */
    public List<MetricPoint> split(String split) {
        return metrics.getOrDefault(split, List.of());
    }

    /** The metric lines of the evaluations, whatever the workload calls its split ("test", "val"). */
    public List<MetricPoint> evaluations() {
        return metrics.entrySet().stream().filter(e -> !e.getKey().equals("train")).findFirst()
                .map(Map.Entry::getValue).orElse(List.of());
    }

    /** True when any metric line carries cumulative training FLOPs. */
    public boolean hasTrainingFlops() {
        return metrics.values().stream().flatMap(List::stream).anyMatch(p -> Double.isFinite(p.trainingFlops()));
    }

    /** True until the run writes its summary. */
    public boolean inProgress() {
        return record.summary() == null;
    }

    private static <T> Map<String, List<T>> copyOfLists(Map<String, List<T>> byKey) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        byKey.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
