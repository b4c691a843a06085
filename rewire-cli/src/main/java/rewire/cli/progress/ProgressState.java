package rewire.cli.progress;

import java.util.Map;
import rewire.train.Progress;


/**
 * Where a workload stands, as a {@link ProgressBar} shows it. Unknown values are NaN (doubles)
 * or 0 (the totals); the bar leaves out what it does not know.
 *
 * @param epoch            the current epoch, 0-based as in metrics.jsonl (shown 1-based)
 * @param epochs           epochs in the run, or 0 for workloads without epochs
 * @param step             steps completed so far (over the whole run)
 * @param totalSteps       steps the run will take, or 0 when unknown (then no bar and no time left)
 * @param loss             the latest loss
 * @param accuracy         the latest accuracy as a fraction in [0, 1], or the workload's score
 * @param density          the model's current density as a fraction in [0, 1]
 * @param samplesPerSecond the current throughput
 * @param elapsedSeconds   wall-clock seconds since the run started, or NaN to let the bar time it
 * @param status           the workload's own live numbers by name (episodes, win rate, …), shown after density
 * @param sampleUnit       what the throughput counts ("samples", "tokens", "env steps"), or null for the bar's label
 */
public record ProgressState(long epoch, long epochs, long step, long totalSteps, double loss, double accuracy,
                            double density, double samplesPerSecond, double elapsedSeconds, Map<String, Double> status,
                            String sampleUnit) {

    /** A state without workload status. */
    public ProgressState(long epoch, long epochs, long step, long totalSteps, double loss, double accuracy,
                         double density, double samplesPerSecond, double elapsedSeconds) {
        this(epoch, epochs, step, totalSteps, loss, accuracy, density, samplesPerSecond, elapsedSeconds, Map.of(), null);
    }

    /** A state whose throughput the bar labels itself. */
    public ProgressState(long epoch, long epochs, long step, long totalSteps, double loss, double accuracy,
                         double density, double samplesPerSecond, double elapsedSeconds, Map<String, Double> status) {
        this(epoch, epochs, step, totalSteps, loss, accuracy, density, samplesPerSecond, elapsedSeconds, status, null);
    }

    public ProgressState {
        status = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(status));  // keeps the order
        if (step < 0 || totalSteps < 0 || epoch < 0 || epochs < 0) {
            throw new IllegalArgumentException("progress counts must be >= 0, got epoch " + epoch + "/" + epochs
                    + ", step " + step + "/" + totalSteps);
        }
        if (epochs > 0 && epoch >= epochs) {
            throw new IllegalArgumentException("epoch is 0-based and must be < epochs, got epoch " + epoch
                    + " of " + epochs);
        }
    }

    /** The trainer's per-step snapshot as a progress state. */
    public static ProgressState from(Progress p) {
        return new ProgressState(p.epoch(), p.epochs(), p.step(), p.totalSteps(), p.loss(),
                p.metrics().getOrDefault("accuracy", Double.NaN), p.density(), p.samplesPerSecond(), p.elapsedSeconds(),
                p.status(), p.sampleUnit());
    }

    /** step / totalSteps clamped to [0, 1], or NaN when the total is unknown. */
    public double fraction() {
        return totalSteps == 0 ? Double.NaN : Math.min(1.0, (double) step / totalSteps);
    }
}
