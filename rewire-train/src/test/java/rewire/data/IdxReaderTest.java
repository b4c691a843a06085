package rewire.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsPlainFile() throws IOException {
        Path file = IdxFiles.write(dir.resolve("x.idx"), IdxFiles.images(3, 4));
        IdxArray a = IdxReader.read(file, 3);
        assertArrayEquals(new int[] {3, 4, 4}, a.dims());
        assertEquals(3, a.count());
        assertEquals(16, a.elementsPerExample());
        assertArrayEquals(IdxFiles.pixels(3, 4), a.data());
    }

    @Test
    void detectsGzipByMagicNotByName() throws IOException {
        byte[] plain = IdxFiles.images(2, 5);
        Path gzNoSuffix = IdxFiles.write(dir.resolve("packed"), IdxFiles.gzip(plain));
        Path plainWithGz = IdxFiles.write(dir.resolve("plain.gz"), plain);
        assertArrayEquals(IdxFiles.pixels(2, 5), IdxReader.read(gzNoSuffix, 3).data());
        assertArrayEquals(IdxFiles.pixels(2, 5), IdxReader.read(plainWithGz, 3).data());
    }

    @Test
    void readsLabelsUnsigned() throws IOException {
        byte[] raw = IdxFiles.idx(new int[] {3}, new byte[] {0, 9, (byte) 200});
        IdxArray a = IdxReader.read(IdxFiles.write(dir.resolve("l"), raw), 1);
        assertEquals(200, a.unsigned(2));
    }

    @Test
    void badMagicNamesFileAndDefect() throws IOException {
        Path file = IdxFiles.write(dir.resolve("foreign.bin"), "PK\3\4 not an idx file".getBytes());
        String message = failure(file, 3);
        assertTrue(message.contains("foreign.bin") && message.contains("bad magic 0x504b0304"), message);
    }

    @Test
    void unsupportedElementTypeIsBadMagic() throws IOException {
        byte[] raw = IdxFiles.idx(new int[] {1}, new byte[4]);
        raw[2] = 0x0D;  // float elements
        String message = failure(IdxFiles.write(dir.resolve("floats.idx"), raw), 1);
        assertTrue(message.contains("floats.idx") && message.contains("element type 0x0d"), message);
    }

    @Test
    void wrongRankIsWrongDims() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels.idx"), IdxFiles.labels(5));
        String message = failure(file, 3);
        assertTrue(message.contains("labels.idx") && message.contains("wrong dims")
                && message.contains("rank 1") && message.contains("expected rank 3"), message);
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] raw = Arrays.copyOf(IdxFiles.images(2, 3), 9);
        String message = failure(IdxFiles.write(dir.resolve("short.idx"), raw), 3);
        assertTrue(message.contains("short.idx") && message.contains("truncated header"), message);
    }

    @Test
    void truncatedPlainDataSaysHowManyBytes() throws IOException {
        byte[] full = IdxFiles.images(2, 3);
        Path file = IdxFiles.write(dir.resolve("cut.idx"), Arrays.copyOf(full, full.length - 5));
        String message = failure(file, 3);
        assertTrue(message.contains("cut.idx") && message.contains("fewer bytes than the header promises")
                && message.contains("2x3x3 need 18 data bytes, the file has 13"), message);
    }

    /** A gzip file cut anywhere (header, data, trailer) is a truncated gzip stream, not a length mismatch. */
    @Test
    void truncatedGzipIsSaidToBeTruncated() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 28));
        for (int length : new int[] {12, gz.length / 2, gz.length - 4}) {
            Path file = IdxFiles.write(dir.resolve("cut-" + length + ".gz"), Arrays.copyOf(gz, length));
            String message = failure(file, 3);
            assertTrue(message.contains("cut-" + length + ".gz: not a valid gzip stream: it is truncated"), message);
            assertFalse(message.contains("header promises"), message);
        }
    }

    @Test
    void corruptGzipIsNotAValidGzipStream() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 28));
        gz[gz.length - 6] ^= (byte) 0xFF;  // the CRC of the trailer
        String message = failure(IdxFiles.write(dir.resolve("crc.gz"), gz), 3);
        assertTrue(message.contains("crc.gz: not a valid gzip stream: its compressed data is corrupt"), message);
    }

    @Test
    void extraBytesAreAnError() throws IOException {
        byte[] full = IdxFiles.images(1, 2);
        Path file = IdxFiles.write(dir.resolve("long.idx"), Arrays.copyOf(full, full.length + 1));
        String message = failure(file, 3);
        assertTrue(message.contains("long.idx") && message.contains("more bytes than the header promises"), message);
    }

    private static String failure(Path file, int rank) {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file, rank));
        assertEquals(file, e.file());
        return e.getMessage();
    }
}
