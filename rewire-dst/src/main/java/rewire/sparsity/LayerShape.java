package rewire.sparsity;

import java.util.Arrays;

/**
 * The name and full weight shape of one sparse layer, as a {@link Distribution} sees it:
 * {@code (out, in)} for a linear layer, {@code (out, in, kh, kw)} for a convolution whose CSR
 * matrix is {@code out x (in * kh * kw)}. Erdos-Renyi-Kernel scores use every dimension.
 *
 * @param name the parameter name, used for per-layer overrides
 * @param dims the weight dimensions, outermost (outputs) first; at least two, all positive
 */
public record LayerShape(String name, int[] dims) {

    public LayerShape {
        if (name == null) {
            throw new IllegalArgumentException("layer name must not be null");
        }
        if (dims.length < 2) {
            throw new IllegalArgumentException("layer " + name + " needs at least two dimensions, got "
                    + Arrays.toString(dims));
        }
        dims = dims.clone();
        long size = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("layer " + name + " has a non-positive dimension: "
                        + Arrays.toString(dims));
            }
            size *= d;
        }
        // a CSR matrix indexes rows and columns by int; positions (rows x cols) may exceed 2^31
        // (a 100k x 100k layer), since nothing stores them densely
        if (size / dims[0] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("layer " + name + " " + Arrays.toString(dims)
                    + " has more than 2^31-1 columns");
        }
    }

    /** A linear layer {@code rows x cols}. */
    public static LayerShape matrix(String name, int rows, int cols) {
        return new LayerShape(name, new int[] {rows, cols});
    }

    /** The dimensions (a copy). */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Rows of the CSR matrix: the outputs. */
    public int rows() {
        return dims[0];
    }

    /** Columns of the CSR matrix: the product of every dimension after the first. */
    public int cols() {
        return (int) (size() / dims[0]);
    }

    /** Number of positions (dense parameter count). */
    public long size() {
        long size = 1;
        for (int d : dims) {
            size *= d;
        }
        return size;
    }

    /** Sum of the dimensions (numerator of the Erdos-Renyi-Kernel score). */
    int dimSum() {
        int sum = 0;
        for (int d : dims) {
            sum += d;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerShape s && name.equals(s.name) && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims);
    }
}
