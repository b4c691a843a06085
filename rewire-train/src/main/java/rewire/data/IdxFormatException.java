package rewire.data;

import java.nio.file.Path;

/**
 * An IDX file that is truncated, foreign or inconsistent with its partner file. The message
 * names the file and the defect (bad magic, wrong dimensions, fewer bytes than the header
 * promises, a count mismatch between images and labels, a label out of range).
 */
public final class IdxFormatException extends DataFileException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(Path file, String defect) {
        super(file, defect);
    }
}
