package rewire.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFile() throws IOException {
        Path target = Files.writeString(dir.resolve("ckpt.bin"), "old");
        AtomicFile.write(target, out -> out.write("new content".getBytes()));
        assertEquals("new content", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void aWriterThatFailsMidwayLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = Files.writeString(dir.resolve("ckpt.bin"), "old and good");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);  // more than the buffer: some bytes reach the temporary file
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals("old and good", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void aCheckpointWriteThatFailsKeepsTheOldCheckpoint() throws IOException {
        Path target = dir.resolve("run.ckpt");
        Checkpoint.builder().putLong("step", 100).build().write(target);
        assertThrows(RuntimeException.class, () -> AtomicFile.write(target, out -> {
            out.write(CheckpointFormat.MAGIC);
            throw new IllegalStateException("crash while writing");
        }));
        assertEquals(100, Checkpoint.read(target).longValue("step"));
        assertEquals(List.of(target), list());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
