package rewire.train;

import java.nio.file.Path;

/**
 * The training-loop section of a run's configuration.
 *
 * @param epochs          passes over the training data
 * @param logEvery        steps between training log lines
 * @param evalEvery       steps between evaluations; 0 evaluates at the end of each epoch
 * @param checkpointEvery steps between checkpoints; 0 writes only the final one
 * @param runs            the folder in which run folders are created; like every path setting, relative
 *                        to the configuration file that sets it, or to the working directory (the
 *                        default {@code runs}, an override)
 */
public record LoopSettings(int epochs, long logEvery, long evalEvery, long checkpointEvery, Path runs) {

    public LoopSettings {
        if (epochs < 1 || logEvery < 1 || evalEvery < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("train: need epochs >= 1, logEvery >= 1, evalEvery >= 0, checkpointEvery >= 0;"
                    + " got " + epochs + ", " + logEvery + ", " + evalEvery + ", " + checkpointEvery);
        }
    }

    public static LoopSettings defaults() {
        return new LoopSettings(3, 50, 0, 500, Path.of("runs"));
    }
}
