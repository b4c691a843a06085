package rewire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import rewire.optim.Slots;
import rewire.run.RunCheckpoint;
import rewire.run.RunFolder;
import rewire.train.Workload;

/**
 * The checkpoint that {@code eval}, {@code sample} and the pruning commands read. Why a class: a run that has not
 * reached its first checkpoint (still early, or failed early) has none, and the error should say
 * so and what to do rather than print the missing file's path.
 */
final class LastCheckpoint {
    private LastCheckpoint() {
    }

    /**
     * The run's last checkpoint, or its best by the primary score; an IllegalArgumentException (bad
     * input) when it has none yet.
     */
    static Path of(RunFolder folder, boolean best, String needsItFor) {
        Path checkpoint = best ? folder.bestCheckpoint() : folder.lastCheckpoint();
        if (!Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException(folder.dir() + " has no " + (best ? "best " : "") + "checkpoint yet, so "
                    + "there is nothing to " + needsItFor + ": a run writes " + folder.dir().relativize(checkpoint)
                    + (best ? " when an evaluation improves its primary score" : " every train.checkpointEvery steps, "
                    + "when it is stopped and when it ends") + ". Wait until a running run writes one; a run that "
                    + "failed before its first checkpoint has to be trained again (rewire train "
                    + folder.path(RunFolder.CONFIG_YAML) + ")");
        }
        return checkpoint;
    }

    /**
     * Restores {@link #of} into {@code workload}'s weights (its optimizer state left out) and
     * returns the steps the checkpoint had trained.
     */
    static long restore(RunFolder folder, boolean best, String needsItFor, Workload workload) throws IOException {
        return RunCheckpoint.restore(of(folder, best, needsItFor), workload, new Slots(), List.of());
    }
}
