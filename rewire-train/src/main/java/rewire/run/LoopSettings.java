package rewire.run;

import java.nio.file.Path;

/**
 * The training-loop section of a run's configuration.
 *
 * @param epochs          passes over the training data
 * @param logEvery        steps between training log lines
 * @param evalEvery       steps between evaluations; 0 evaluates at the end of each epoch
 * @param checkpointEvery steps between checkpoints; 0 writes only the final one
 * @param keepCheckpoints how many of the newest step checkpoints to keep (the best one is kept
 *                        apart, as {@code best.ckpt})
 * @param scheduleEpochs  the epochs the schedules (learning rate, DST) are planned over; 0 means
 *                        {@code epochs}. {@code rewire resume RUN train.epochs=N} sets it to the
 *                        original length, so a longer run keeps the plan it started with
 * @param runs            the folder in which run folders are created; like every path setting, relative
 *                        to the configuration file that sets it, or to the working directory (the
 *                        default {@code runs}, an override)
 */
public record LoopSettings(int epochs, long logEvery, long evalEvery, long checkpointEvery, int keepCheckpoints,
                           int scheduleEpochs, Path runs) {

    public LoopSettings {
        if (epochs < 1 || logEvery < 1 || evalEvery < 0 || checkpointEvery < 0 || keepCheckpoints < 1
                || scheduleEpochs < 0) {
            throw new IllegalArgumentException("train: need epochs >= 1, logEvery >= 1, evalEvery >= 0, checkpointEvery"
                    + " >= 0, keepCheckpoints >= 1, scheduleEpochs >= 0; got " + epochs + ", " + logEvery + ", "
                    + evalEvery + ", " + checkpointEvery + ", " + keepCheckpoints + ", " + scheduleEpochs);
        }
    }

    public static LoopSettings defaults() {
        return new LoopSettings(3, 50, 0, 500, 3, 0, Path.of("runs"));
    }

    /** The epochs the schedules are planned over. */
    public int plannedEpochs() {
        return scheduleEpochs > 0 ? scheduleEpochs : epochs;
    }
}
