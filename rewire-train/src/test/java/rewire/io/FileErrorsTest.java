package rewire.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileErrorsTest {

    @Test
    void aBarePathExceptionGetsItsReasonInWords() {
        // what Files.createDirectories throws for a folder it may not create: the path is the whole message
        AccessDeniedException denied = new AccessDeniedException("/usr/runs");
        assertEquals("/usr/runs", denied.getMessage());
        assertEquals("permission denied", FileErrors.reason(denied));
        assertEquals("/usr/runs: permission denied", FileErrors.describe(denied));
        assertEquals("/data/x: no such file or directory", FileErrors.describe(new NoSuchFileException("/data/x")));
    }

    @Test
    void theOperatingSystemsReasonIsKeptWhenThereIsOne() {
        FileSystemException readOnly = new FileSystemException("/mnt/runs", null, "Read-only file system");
        assertEquals("/mnt/runs: Read-only file system", FileErrors.describe(readOnly));
        assertEquals("disk full", FileErrors.describe(new IOException("disk full")));
        assertEquals("IOException", FileErrors.reason(new IOException()));
    }
}
