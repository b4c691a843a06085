package rewire.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests (also used by other modules through the rewire-core test-jar). */
public final class IdxFiles {
    private IdxFiles() {
    }

    /** The bytes of an unsigned-byte IDX file with {@code dims} and {@code data}. */
    public static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buf.put((byte) 0).put((byte) 0).put((byte) IdxReader.UNSIGNED_BYTE).put((byte) dims.length);
        for (int d : dims) {
            buf.putInt(d);  // big-endian, the ByteBuffer default
        }
        return buf.put(data).array();
    }

    public static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    /** {@code n} images of {@code side x side} pixels whose pixel p of image i is (i * 31 + p) mod 256. */
    public static byte[] images(int n, int side) {
        return idx(new int[] {n, side, side}, pixels(n, side));
    }

    public static byte[] pixels(int n, int side) {
        byte[] data = new byte[n * side * side];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i / (side * side) * 31 + i % (side * side));
        }
        return data;
    }

    /**
     * A Fashion-MNIST-shaped folder: {@code train} and {@code test} 28x28 images in the four files
     * the real dataset has (training files gzipped), labels i mod 10.
     */
    public static void writeFashionMnistLike(Path dir, int train, int test) throws IOException {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(train, 28)));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(train)));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(test, 28)));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(test)));
    }

    /** Labels i mod 10 for i in [0, n). */
    public static byte[] labels(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % 10);
        }
        return idx(new int[] {n}, data);
    }
}
