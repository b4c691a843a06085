package rewire.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a 4-byte magic ({@code 0x00 0x00},
 * a type code, the rank), one big-endian unsigned 32-bit size per dimension, then the elements in
 * row-major order. A file is read through gzip when it starts with the gzip magic
 * {@code 0x1f 0x8b}, whatever its name. Only unsigned-byte elements (type {@code 0x08}) are
 * supported, which is what image and label files use.
 *
 * <p>Every defect is an {@link IdxFormatException} naming the file: a bad magic, an unsupported
 * type, a rank other than the expected one, fewer bytes than the header promises, bytes beyond it,
 * a gzip stream that is corrupt or truncated (said as such, not as a length mismatch).
 */
public final class IdxReader {
    static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /**
     * Reads {@code file}, which must hold an unsigned-byte array of rank {@code expectedRank}.
     *
     * @throws IdxFormatException when the file is not such an array, naming the defect
     * @throws IOException when the file cannot be read
     */
    public static IdxArray read(Path file, int expectedRank) throws IOException {
        if (expectedRank < 1) {
            throw new IllegalArgumentException("expected rank must be at least 1, got " + expectedRank);
        }
        try (InputStream in = open(file)) {
            int[] dims = readHeader(in, file, expectedRank);
            byte[] data = readData(in, file, dims);
            if (in.read() != -1) {
                throw new IdxFormatException(file, "more bytes than the header promises: dimensions "
                        + IdxArray.formatDims(dims) + " need exactly " + data.length + " data bytes");
            }
            return new IdxArray(file, dims, data);
        } catch (ZipException e) {
            throw new IdxFormatException(file, "not a valid gzip stream: its compressed data is corrupt ("
                    + e.getMessage() + "); fetch the file again");
        } catch (EOFException e) {
            // only a gzip stream throws this: a plain file's end is a short read, judged above
            throw new IdxFormatException(file, "not a valid gzip stream: it is truncated, the compressed data ends "
                    + "early" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; fetch the file again");
        }
    }

    /** A buffered stream over the file, decompressed when it starts with the gzip magic. */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static int[] readHeader(InputStream in, Path file, int expectedRank) throws IOException {
        byte[] magic = new byte[4];
        int got = readFully(in, magic, 0, 4);
        if (got < 4) {
            throw new IdxFormatException(file, "only " + got + " bytes, too short for the 4-byte IDX magic");
        }
        int magicValue = (magic[0] & 0xFF) << 24 | (magic[1] & 0xFF) << 16 | (magic[2] & 0xFF) << 8 | (magic[3] & 0xFF);
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(file, String.format(
                    "bad magic 0x%08x: not an IDX file (an IDX magic is 0x0000, a type code, the rank)", magicValue));
        }
        if (magic[2] != UNSIGNED_BYTE) {
            throw new IdxFormatException(file, String.format(
                    "bad magic 0x%08x: element type 0x%02x is not supported, only unsigned bytes (0x08)",
                    magicValue, magic[2] & 0xFF));
        }
        int rank = magic[3] & 0xFF;
        if (rank != expectedRank) {
            throw new IdxFormatException(file, "wrong dims: the header declares rank " + rank
                    + ", expected rank " + expectedRank);
        }
        return readDims(in, file, rank);
    }

    private static int[] readDims(InputStream in, Path file, int rank) throws IOException {
        byte[] raw = new byte[4 * rank];
        int got = readFully(in, raw, 0, raw.length);
        if (got < raw.length) {
            throw new IdxFormatException(file, "truncated header: " + rank + " dimensions need " + raw.length
                    + " bytes after the magic, the file has " + got);
        }
        int[] dims = new int[rank];
        long size = 1;
        for (int d = 0; d < rank; d++) {
            long dim = (raw[4 * d] & 0xFFL) << 24 | (raw[4 * d + 1] & 0xFF) << 16
                    | (raw[4 * d + 2] & 0xFF) << 8 | (raw[4 * d + 3] & 0xFF);
            size *= Math.max(dim, 1);
            if (dim > Integer.MAX_VALUE || size > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(file, "wrong dims: dimension " + d + " is " + dim
                        + ", the array would exceed 2^31 elements");
            }
            dims[d] = (int) dim;
        }
        return dims;
    }

    private static byte[] readData(InputStream in, Path file, int[] dims) throws IOException {
        long size = 1;
        for (int d : dims) {
            size *= d;
        }
        byte[] data = new byte[(int) size];
        int got = readFully(in, data, 0, data.length);
        if (got < data.length) {
            throw new IdxFormatException(file, "fewer bytes than the header promises: dimensions "
                    + IdxArray.formatDims(dims) + " need " + data.length
                    + " data bytes, the file has " + got);
        }
        return data;
    }

    /** Reads until {@code len} bytes or the end of the stream; returns the number read. */
    private static int readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(buf, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
