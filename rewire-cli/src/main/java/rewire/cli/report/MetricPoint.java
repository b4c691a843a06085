package rewire.cli.report;

/**
 * One line of metrics.jsonl. Values the line does not carry are NaN ({@code epoch} is -1).
 *
 * @param step             the optimizer step the line was logged at
 * @param epoch            the epoch, or -1 when not logged (workloads without epochs)
 * @param loss             mean loss over the interval (train) or the evaluation set (test/val)
 * @param accuracy         fraction correct, in [0, 1]
 * @param lr               learning rate
 * @param samplesPerSecond training throughput over the interval
 * @param elapsedSeconds   wall-clock seconds since the run started
 * @param trainingFlops    cumulative training FLOPs so far
 * @param envSteps         environment steps so far (reinforcement learning)
 * @param meanReturn       mean episode return of an evaluation (reinforcement learning)
 */
public record MetricPoint(long step, long epoch, double loss, double accuracy, double lr, double samplesPerSecond,
                          double elapsedSeconds, double trainingFlops, double envSteps, double meanReturn) {

    /** A point of a workload without environment steps or returns. */
    public MetricPoint(long step, long epoch, double loss, double accuracy, double lr, double samplesPerSecond,
                       double elapsedSeconds, double trainingFlops) {
        this(step, epoch, loss, accuracy, lr, samplesPerSecond, elapsedSeconds, trainingFlops, Double.NaN, Double.NaN);
    }
}
