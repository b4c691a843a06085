package rewire.cli.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run-folder file that is not what the run folder format (docs/run-folder.md) promises:
 * malformed JSON, a value of the wrong type, a required field missing. The message names the
 * file, the line for JSON-lines files, and the defect.
 */
public final class RunFormatException extends IOException {
    private final transient Path file;
    private final int line;

    /** A defect in a whole-file document such as run.json ({@code line} is 0). */
    public RunFormatException(Path file, String defect) {
        this(file, 0, defect);
    }

    /** A defect on one line (1-based) of a JSON-lines file. */
    public RunFormatException(Path file, int line, String defect) {
        super(file + (line > 0 ? " line " + line : "") + ": " + defect);
        this.file = file;
        this.line = line;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the defect concerns the whole file. */
    public int line() {
        return line;
    }
}
