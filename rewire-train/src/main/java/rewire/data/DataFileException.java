package rewire.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that cannot be read as the examples it should hold: the message names the file,
 * where in it (a line, a field, an example) and the defect, so that the user can fix the file.
 */
public class DataFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public DataFileException(Path file, String defect) {
        super(file + ": " + defect);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
