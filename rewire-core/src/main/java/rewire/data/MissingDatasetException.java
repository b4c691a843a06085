package rewire.data;

import java.io.IOException;

/**
 * A dataset that is not on this machine. The message says which files were looked for, where,
 * and the command that installs them.
 */
public final class MissingDatasetException extends IOException {
    public MissingDatasetException(String message) {
        super(message);
    }
}
