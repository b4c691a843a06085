package rewire.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The operating system's reason for a failed file operation, in words. Why: the JDK's file
 * exceptions often carry only the path as their message ({@code AccessDeniedException: /runs}),
 * which tells a person neither what went wrong nor what to fix.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** Why {@code e} happened: "permission denied", "no such file or directory", "Read-only file system", ... */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String why = fs.getReason() != null ? fs.getReason() : switch (fs) {
                case AccessDeniedException a -> "permission denied";
                case NoSuchFileException n -> "no such file or directory";
                case NotDirectoryException n -> "not a directory";
                case FileAlreadyExistsException f -> "it already exists";
                case DirectoryNotEmptyException d -> "the directory is not empty";
                default -> fs.getClass().getSimpleName();
            };
            return fs.getOtherFile() == null ? why : why + " (other file: " + fs.getOtherFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The file and the reason, for a message that has nothing else to say: "/runs: permission denied". */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + reason(e);
        }
        return reason(e);
    }
}
