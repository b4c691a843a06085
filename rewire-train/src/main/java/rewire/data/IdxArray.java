package rewire.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The contents of an unsigned-byte IDX file: its dimensions, outermost first, and the elements in
 * row-major order.
 *
 * @param file where it was read from, for messages
 * @param dims dimensions from the header, outermost (the example count) first
 * @param data {@code product(dims)} unsigned bytes, row-major
 */
public record IdxArray(Path file, int[] dims, byte[] data) {

    public IdxArray {
        dims = dims.clone();
        assert data.length == Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** The outermost dimension: the number of examples the file holds. */
    public int count() {
        return dims[0];
    }

    /** Elements per example: the product of all dimensions but the first. */
    public int elementsPerExample() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) {
            size *= dims[i];
        }
        return size;
    }

    /** Element {@code i} as an int in [0, 255]. */
    public int unsigned(int i) {
        return data[i] & 0xFF;
    }

    /** The dimensions as text, such as {@code 60000x28x28}. */
    public String dimsText() {
        return formatDims(dims);
    }

    static String formatDims(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return sb.toString();
    }
}
