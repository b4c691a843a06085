package rewire.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of metrics.jsonl: the step it was logged at, its epoch, and every number it carries
 * (loss, the workload's scores such as accuracy or winRate, lr, samplesPerSecond, elapsedSeconds,
 * trainingFlops, envSteps, ...).
 *
 * @param step   the optimizer step the line was logged at
 * @param epoch  the epoch, or -1 when not logged
 * @param values the line's numbers by key
 */
public record MetricPoint(long step, long epoch, Map<String, Double> values) {

    public MetricPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The number logged as {@code key}, NaN when the line has none. */
    public double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    public double loss() {
        return get("loss");
    }

    public double elapsedSeconds() {
        return get("elapsedSeconds");
    }

    public double trainingFlops() {
        return get("trainingFlops");
    }
}
