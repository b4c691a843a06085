package rewire.data;

import java.io.IOException;

/**
 * A dataset that is not on this machine. The message says which files were looked for, where,
 * and the command that installs them.
 */
public final class MissingDatasetException extends IOException {
    private static final long serialVersionUID = 1L;
    public MissingDatasetException(String message) {
        super(message);
    }
}
