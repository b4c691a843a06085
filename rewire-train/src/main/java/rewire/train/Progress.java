package rewire.train;

import java.util.Map;

/**
 * A snapshot for progress displays, emitted after every step.
 *
 * @param loss             mean training loss since the last log line
 * @param accuracy         training accuracy since the last log line, NaN when it does not apply
 * @param density          nnz / dense size over the sparse layers (1 for a dense model)
 * @param samplesPerSecond training throughput since the run (or the resume) started
 * @param status           the workload's live numbers ({@link Workload#status()})
 */
public record Progress(long step, long totalSteps, long epoch, long epochs, double loss, double accuracy,
                       double density, double samplesPerSecond, double elapsedSeconds, Map<String, Double> status) {

    public Progress {
        status = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(status));  // keeps the order
    }

    /** A snapshot without workload status. */
    public Progress(long step, long totalSteps, long epoch, long epochs, double loss, double accuracy, double density,
                    double samplesPerSecond, double elapsedSeconds) {
        this(step, totalSteps, epoch, epochs, loss, accuracy, density, samplesPerSecond, elapsedSeconds, Map.of());
    }
}
