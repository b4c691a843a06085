package rewire.tensor;

import java.util.Arrays;

/**
 * A float32 tensor stored contiguously in row-major order in one {@code float[]}.
 *
 * <p>The array is shared, not copied: {@link #data()} returns the backing storage so kernels can
 * work on it in place. A tensor owns its data unless it was made with {@link #wrap}.
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;

    private Tensor(Shape shape, float[] data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(
                    "shape " + shape + " needs " + shape.size() + " floats, data has " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    /** A tensor of zeros with the given dimensions. */
    public static Tensor zeros(int... dims) {
        Shape shape = Shape.of(dims);
        return new Tensor(shape, new float[shape.size()]);
    }

    /** A tensor over {@code data} (not copied) with the given dimensions. */
    public static Tensor wrap(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data);
    }

    /** A tensor holding a copy of {@code data} with the given dimensions. */
    public static Tensor of(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data.clone());
    }

    public Shape shape() {
        return shape;
    }

    /** The backing array, row-major; writes to it change this tensor. */
    public float[] data() {
        return data;
    }

    public int size() {
        return data.length;
    }

    public int rank() {
        return shape.rank();
    }

    /** Number of rows of a matrix (rank 2). */
    public int rows() {
        requireMatrix();
        return shape.dim(0);
    }

    /** Number of columns of a matrix (rank 2). */
    public int cols() {
        requireMatrix();
        return shape.dim(1);
    }

    public float get(int row, int col) {
        return data[index(row, col)];
    }

    public void set(int row, int col, float value) {
        data[index(row, col)] = value;
    }

    public Tensor fill(float value) {
        Arrays.fill(data, value);
        return this;
    }

    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    /** The same data seen with other dimensions of equal size (no copy). */
    public Tensor reshape(int... dims) {
        return new Tensor(Shape.of(dims), data);
    }

    /** A new matrix of columns {@code [from, to)} of this one: {@code (r, c) -> (r, to - from)}. */
    public Tensor columns(int from, int to) {
        int rows = rows();
        int cols = cols();
        if (from < 0 || to > cols || from > to) {
            throw new IllegalArgumentException("columns [" + from + ", " + to + ") of a matrix of " + cols + " columns");
        }
        int width = to - from;
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols + from, out, r * width, width);
        }
        return new Tensor(Shape.of(rows, width), out);
    }

    /** The matrices of {@code parts}, all with the same rows, side by side: {@code (r, Σ c_i)}. */
    public static Tensor concatColumns(java.util.List<Tensor> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int rows = parts.get(0).rows();
        int total = 0;
        for (Tensor t : parts) {
            if (t.rows() != rows) {
                throw new IllegalArgumentException("cannot put a matrix of " + t.rows() + " rows beside one of " + rows);
            }
            total += t.cols();
        }
        float[] out = new float[rows * total];
        int at = 0;
        for (Tensor t : parts) {
            int w = t.cols();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(t.data, r * w, out, r * total + at, w);
            }
            at += w;
        }
        return new Tensor(Shape.of(rows, total), out);
    }

    /** A new matrix that is the transpose of this one: (r, c) -> (c, r). */
    public Tensor transpose() {
        int rows = rows();
        int cols = cols();
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[r * cols + c];
            }
        }
        return new Tensor(Shape.of(cols, rows), out);
    }

    private int index(int row, int col) {
        int rows = rows();
        int cols = shape.dim(1);
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException(
                    "index (" + row + ", " + col + ") outside matrix of shape " + shape);
        }
        return row * cols + col;
    }

    private void requireMatrix() {
        if (shape.rank() != 2) {
            throw new IllegalStateException("expected a matrix (rank 2), got shape " + shape);
        }
    }

    @Override
    public String toString() {
        return "Tensor" + shape;
    }
}
