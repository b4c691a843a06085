package rewire.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot for progress displays, emitted after every step.
 *
 * @param loss             mean training loss since the last log line
 * @param metrics          the step metrics' means since the last log line (the batch accuracy)
 * @param density          nnz / dense size over every group's sparse layers (1 for a dense model)
 * @param samplesPerSecond training throughput since the run (or the resume) started
 * @param sampleUnit       what a sample is ("examples", "tokens", "env steps")
 * @param status           the workload's live numbers ({@link Workload#status()})
 */
public record Progress(long step, long totalSteps, long epoch, long epochs, double loss, Map<String, Double> metrics,
                       double density, double samplesPerSecond, String sampleUnit, double elapsedSeconds,
                       Map<String, Double> status) {

    public Progress {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));  // keeps the order
        status = Collections.unmodifiableMap(new LinkedHashMap<>(status));
    }
}
