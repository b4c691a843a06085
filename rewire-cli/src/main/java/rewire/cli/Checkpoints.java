package rewire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import rewire.run.RunFolder;

/** Finds the checkpoint a command reads, with an error that says what to do when there is none. */
final class Checkpoints {
    private Checkpoints() {
    }

    /** The newest checkpoint of {@code folder}. */
    static Path require(RunFolder folder) {
        return require(folder, false);
    }

    /** The newest checkpoint of {@code folder}, or the best by the workload's primary score. */
    static Path require(RunFolder folder, boolean best) {
        Path file = best ? folder.bestCheckpoint() : folder.lastCheckpoint();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(folder.dir() + " has no " + (best ? "best " : "") + "checkpoint yet ("
                    + folder.dir().relativize(file) + " is missing): the run "
                    + (best ? "has not been evaluated yet" : "stopped or is still running before its first checkpoint")
                    + "; train longer or start it again with rewire train");
        }
        return file;
    }
}
