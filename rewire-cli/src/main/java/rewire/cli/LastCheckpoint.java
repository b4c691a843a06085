package rewire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import rewire.train.RunFolder;

/**
 * The checkpoint that {@code eval} and {@code sample} read. Why a class: a run that has not
 * reached its first checkpoint (still early, or failed early) has none, and the error should say
 * so and what to do rather than print the missing file's path.
 */
final class LastCheckpoint {
    private LastCheckpoint() {
    }

    /** The run's last checkpoint; an IllegalArgumentException (bad input) when it has none yet. */
    static Path of(RunFolder folder, String needsItFor) {
        Path checkpoint = folder.lastCheckpoint();
        if (!Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException(folder.dir() + " has no checkpoint yet, so there is nothing to "
                    + needsItFor + ": a run writes " + folder.dir().relativize(checkpoint) + " every "
                    + "train.checkpointEvery steps and when it ends. Wait until a running run writes one; a run that "
                    + "failed before its first checkpoint has to be trained again (rewire train "
                    + folder.path(RunFolder.CONFIG_YAML) + ")");
        }
        return checkpoint;
    }
}
