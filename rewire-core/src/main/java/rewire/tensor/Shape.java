package rewire.tensor;

import java.util.Arrays;

/**
 * The dimensions of a tensor, outermost first. Immutable.
 *
 * @param dims sizes of each dimension; each is zero or more
 */
public record Shape(int[] dims) {

    public Shape {
        dims = dims.clone();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException(
                        "dimension " + i + " of shape " + Arrays.toString(dims) + " is negative");
            }
        }
        // a zero dimension makes the shape empty, however large the other dimensions are
        boolean empty = Arrays.stream(dims).anyMatch(d -> d == 0);
        long size = 1;
        for (int d : dims) {
            size *= d;
            if (!empty && size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
            }
        }
    }

    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    public int size() {
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(dims.length == 1 ? ",)" : ")").toString();
    }
}
