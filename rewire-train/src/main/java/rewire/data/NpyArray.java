package rewire.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An array read from a NumPy {@code .npy} file (format versions 1.0 to 3.0): the magic
 * {@code \x93NUMPY}, the version, the length of a header, the header (a Python dict literal with
 * {@code descr}, {@code fortran_order} and {@code shape}), then the elements in C order.
 *
 * @param file  where it was read from, for messages
 * @param dtype the header's {@code descr}, such as {@code <f4}: byte order, kind, bytes per element
 * @param shape the dimensions, outermost first
 * @param data  the elements' bytes, in the file's byte order
 */
record NpyArray(Path file, String dtype, int[] shape, ByteBuffer data) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Reads {@code file}.
     *
     * @throws DataFileException naming the file and the defect: not a .npy file, an unreadable
     *     header, Fortran order, fewer or more bytes than the shape needs
     */
    static NpyArray read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() < 10 || !Arrays.equals(Arrays.copyOf(bytes.array(), 6), MAGIC)) {
            throw new DataFileException(file, "not a NumPy .npy file (it does not start with \\x93NUMPY)");
        }
        int major = bytes.get(6);
        bytes.position(8);
        long headerLength = major == 1 ? bytes.getShort() & 0xFFFF : bytes.getInt() & 0xFFFFFFFFL;
        if (major < 1 || major > 3 || headerLength > bytes.remaining()) {
            throw new DataFileException(file, "unsupported .npy version " + major + " or truncated header");
        }
        String header = new String(bytes.array(), bytes.position(), (int) headerLength, StandardCharsets.UTF_8);
        bytes.position(bytes.position() + (int) headerLength);
        Matcher descr = match(DESCR, header, "descr", file);
        if (match(FORTRAN, header, "fortran_order", file).group(1).equals("True")) {
            throw new DataFileException(file, "fortran_order is True: save the array in C order"
                    + " (numpy.save(f, numpy.ascontiguousarray(a)))");
        }
        int[] shape = shape(match(SHAPE, header, "shape", file).group(1), file);
        ByteBuffer data = bytes.slice().order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long size = Integer.parseInt(descr.group(3));
        for (int d : shape) {
            size *= d;
        }
        if (size != data.remaining()) {
            throw new DataFileException(file, "shape " + Arrays.toString(shape) + " of " + descr.group(2) + descr.group(3)
                    + " needs " + size + " data bytes, the file has " + data.remaining());
        }
        return new NpyArray(file, descr.group(1) + descr.group(2) + descr.group(3), shape, data);
    }

    private static Matcher match(Pattern pattern, String header, String key, Path file) throws DataFileException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new DataFileException(file, "the .npy header has no readable '" + key + "': " + header.strip());
        }
        return m;
    }

    private static int[] shape(String text, Path file) throws DataFileException {
        String[] parts = text.split(",");
        int[] shape = new int[parts.length];
        int rank = 0;
        for (String part : parts) {
            if (!part.isBlank()) {
                try {
                    shape[rank++] = Integer.parseInt(part.strip().replaceAll("L$", ""));
                } catch (NumberFormatException e) {
                    throw new DataFileException(file, "the .npy shape (" + text + ") is not a tuple of sizes");
                }
            }
        }
        return Arrays.copyOf(shape, rank);
    }

    /** The element kind: {@code f} floating point, {@code i} signed or {@code u} unsigned integer, .... */
    char kind() {
        return dtype.charAt(1);
    }

    /** Bytes per element. */
    int itemSize() {
        return Integer.parseInt(dtype.substring(2));
    }

    /** The number of elements. */
    int size() {
        return data.remaining() / itemSize();
    }

    /** Float elements ({@code f4} or {@code f8}, the latter rounded to float) in C order. */
    float[] floats() {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = itemSize() == 4 ? data.getFloat(4 * i) : (float) data.getDouble(8 * i);
        }
        return out;
    }

    /** Integer element {@code i} ({@code i} or {@code u} kinds of 1, 2, 4 or 8 bytes). */
    long integer(int i) {
        boolean signed = kind() == 'i';
        return switch (itemSize()) {
            case 1 -> signed ? data.get(i) : data.get(i) & 0xFF;
            case 2 -> signed ? data.getShort(2 * i) : data.getShort(2 * i) & 0xFFFF;
            case 4 -> signed ? data.getInt(4 * i) : data.getInt(4 * i) & 0xFFFFFFFFL;
            default -> data.getLong(8 * i);
        };
    }

    /** The bytes of a {@code u1} array. */
    byte[] bytes() {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }
}
