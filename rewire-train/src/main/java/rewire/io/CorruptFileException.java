package rewire.io;

import java.io.IOException;

/**
 * A file that is not what it claims to be: wrong magic, unsupported version, truncated, or a
 * checksum that does not match. The message names the file and, where known, the entry.
 */
public final class CorruptFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptFileException(String source, String defect) {
        super(source + ": " + defect);
    }
}
