package rewire.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFiles {
    private IdxFiles() {
    }

    /** The bytes of an unsigned-byte IDX file with {@code dims} and {@code data}. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buf.put((byte) 0).put((byte) 0).put((byte) IdxReader.UNSIGNED_BYTE).put((byte) dims.length);
        for (int d : dims) {
            buf.putInt(d);  // big-endian, the ByteBuffer default
        }
        return buf.put(data).array();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    /** {@code n} images of {@code side x side} pixels whose pixel p of image i is (i * 31 + p) mod 256. */
    static byte[] images(int n, int side) {
        return idx(new int[] {n, side, side}, pixels(n, side));
    }

    static byte[] pixels(int n, int side) {
        byte[] data = new byte[n * side * side];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i / (side * side) * 31 + i % (side * side));
        }
        return data;
    }

    /** Labels i mod 10 for i in [0, n). */
    static byte[] labels(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % 10);
        }
        return idx(new int[] {n}, data);
    }
}
