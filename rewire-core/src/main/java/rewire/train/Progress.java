package rewire.train;

/**
 * A snapshot for progress displays, emitted after every step.
 *
 * @param loss             mean training loss since the last log line
 * @param accuracy         training accuracy since the last log line, NaN when it does not apply
 * @param density          nnz / dense size over the sparse layers (1 for a dense model)
 * @param samplesPerSecond training throughput since the run (or the resume) started
 */
public record Progress(long step, long totalSteps, long epoch, long epochs, double loss, double accuracy,
                       double density, double samplesPerSecond, double elapsedSeconds) {
}
