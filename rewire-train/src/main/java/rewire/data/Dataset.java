package rewire.data;

import java.util.Arrays;
import rewire.tensor.Shape;

/**
 * A labelled dataset held in memory: {@code n} examples of {@code features} floats each, stored
 * example-major ({@code (n, features)}, example {@code i} at {@code [i * features, (i + 1) * features)})
 * either as floats or, for images read from IDX files, as their bytes ({@link Pixels}, a quarter of
 * the memory; values are computed when read and equal the float path's bit for bit),
 * one class label in {@code [0, classes)} per example, and the shape of one example (for images
 * {@code (channels, height, width)}, whose product is {@code features}).
 *
 * <p>Immutable: the arrays are owned by the dataset, never handed out for writing; transformations
 * such as {@link Standardization#apply} return a new dataset. Batches are cut by a {@link Batcher}.
 *
 * <p>For library users: build a dataset from your own arrays with {@link #of} (the example-major
 * features and the labels), or read one with {@link FashionMnist}, {@link IdxDataset},
 * {@link CsvDataset} or {@link NpyDataset}; pair a training and a test set in a {@link Split},
 * standardize them with {@link Split#standardized}, and hand the split to a workload (for example
 * {@code Classification.mlp}), which batches it with a {@link Batcher}. docs/data.md has a
 * worked example that the test suite compiles and runs.
 */
public final class Dataset {
    private final String name;
    private final Shape exampleShape;
    private final float[] x;
    private final Pixels pixels;
    private final int[] labels;
    private final int classes;

    // exactly one of x and pixels is non-null
    private Dataset(String name, Shape exampleShape, float[] x, Pixels pixels, int[] labels, int classes) {
        assert (x == null) != (pixels == null);
        this.name = name;
        this.exampleShape = exampleShape;
        this.x = x;
        this.pixels = pixels;
        this.labels = labels;
        this.classes = classes;
    }

    /**
     * A dataset over {@code x} (example-major, {@code labels.length * exampleShape.size()} floats)
     * and {@code labels}. The arrays are taken over, not copied: the caller must not keep writing them.
     *
     * @throws IllegalArgumentException when the lengths disagree or a label is outside {@code [0, classes)}
     */
    public static Dataset of(String name, Shape exampleShape, float[] x, int[] labels, int classes) {
        check(name, exampleShape, x.length, labels, classes);
        return new Dataset(name, exampleShape, x, null, labels, classes);
    }

    /** A dataset over unsigned pixel bytes, each read as {@code (p & 0xFF) / 255f}; see {@link #of}. */
    static Dataset ofPixels(String name, Shape exampleShape, byte[] pixels, int[] labels, int classes) {
        check(name, exampleShape, pixels.length, labels, classes);
        return new Dataset(name, exampleShape, null, Pixels.raw(pixels), labels, classes);
    }

    private static void check(String name, Shape exampleShape, int length, int[] labels, int classes) {
        int features = exampleShape.size();
        if (features == 0) {
            throw new IllegalArgumentException(name + ": example shape " + exampleShape + " has no features");
        }
        if ((long) labels.length * features != length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels of examples shaped "
                    + exampleShape + " need " + (long) labels.length * features + " floats, got " + length);
        }
        if (classes < 1) {
            throw new IllegalArgumentException(name + ": classes must be at least 1, got " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of example " + i
                        + " is outside [0, " + classes + ")");
            }
        }
    }

    /**
     * The same examples and labels with {@code classes} classes, for example to give a training and
     * a test set read apart the same count.
     *
     * @throws IllegalArgumentException when a label is outside {@code [0, classes)}, naming the example
     */
    public Dataset withClasses(int classes) {
        check(name, exampleShape, x != null ? x.length : pixels.data().length, labels, classes);
        return new Dataset(name, exampleShape, x, pixels, labels, classes);
    }

    /**
     * The same examples (shared, not copied) read as {@code shape}, which holds as many features:
     * flat vectors of 784 features as (1, 28, 28) images, or back.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    public Dataset reshaped(Shape shape) {
        if (shape.size() != features()) {
            throw new IllegalArgumentException(name + " holds examples of shape " + exampleShape + " (" + features()
                    + " features), which cannot be read as " + shape + " (" + shape.size() + ")");
        }
        return new Dataset(name, shape, x, pixels, labels, classes);
    }

    /** The number of classes that {@code labels} (each at least 0) name: the largest plus one, at least 1. */
    static int classesOf(int[] labels) {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** A short name for messages, such as "fashion-mnist/train". */
    public String name() {
        return name;
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Floats per example. */
    public int features() {
        return exampleShape.size();
    }

    /** The shape of one example, such as (1, 28, 28) for a grey image. */
    public Shape exampleShape() {
        return exampleShape;
    }

    /** Number of classes; every label is in {@code [0, classes)}. */
    public int classes() {
        return classes;
    }

    /** The label of example {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Feature {@code f} of example {@code i}. */
    public float feature(int i, int f) {
        if (f < 0 || f >= features()) {
            throw new IndexOutOfBoundsException("feature " + f + " outside [0, " + features() + ") of " + name);
        }
        return value(i * features() + f);
    }

    /** A copy of the features of example {@code i}. */
    public float[] example(int i) {
        int features = features();
        float[] out = new float[features];
        for (int f = 0; f < features; f++) {
            out[f] = value(i * features + f);
        }
        return out;
    }

    /** Examples {@code [from, to)} as a new dataset (copied), for example to hold out a validation set. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") outside [0, " + size() + ") of " + name);
        }
        int features = features();
        String sliceName = name + "[" + from + ":" + to + "]";
        int[] sliceLabels = Arrays.copyOfRange(labels, from, to);
        return x != null
                ? new Dataset(sliceName, exampleShape, Arrays.copyOfRange(x, from * features, to * features), null,
                        sliceLabels, classes)
                : new Dataset(sliceName, exampleShape, null, new Pixels(Arrays.copyOfRange(pixels.data(),
                        from * features, to * features), pixels.mean(), pixels.std()), sliceLabels, classes);
    }

    /**
     * The examples at {@code indices}, in that order, as a new dataset (copied), for example a
     * federated client's share of the training set.
     */
    public Dataset subset(int[] indices) {
        int features = features();
        int[] subsetLabels = new int[indices.length];
        float[] values = x != null ? new float[indices.length * features] : null;
        byte[] bytes = x != null ? null : new byte[indices.length * features];
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            if (i < 0 || i >= size()) {
                throw new IllegalArgumentException("example " + i + " outside [0, " + size() + ") of " + name);
            }
            subsetLabels[j] = labels[i];
            if (x != null) {
                System.arraycopy(x, i * features, values, j * features, features);
            } else {
                System.arraycopy(pixels.data(), i * features, bytes, j * features, features);
            }
        }
        String subsetName = name + "[" + indices.length + " of " + size() + "]";
        return x != null ? new Dataset(subsetName, exampleShape, values, null, subsetLabels, classes)
                : new Dataset(subsetName, exampleShape, null, new Pixels(bytes, pixels.mean(), pixels.std()),
                        subsetLabels, classes);
    }

    /** Element {@code k} of the example-major features ({@code k = i * features + f}). */
    float value(int k) {
        return x != null ? x[k] : pixels.value(k, features());
    }

    /**
     * Writes the examples {@code indices} feature-major into {@code dst}: {@code dst[f * B + b]}
     * = feature f of example {@code indices[b]}, {@code B = indices.length}. Tiles of
     * {@link Pixels#TILE} examples keep both the reads (along an example) and the writes (along a
     * feature row) contiguous. Pixel rows are first copied into {@code words}
     * ({@code Pixels.TILE * ceil(features() / 4)} ints, see {@link Pixels#transposeInto}): the
     * copies stream each randomly placed example from memory at full speed, where reading them a
     * feature at a time waited on a cache miss per example and line.
     */
    void transposeInto(int[] indices, float[] dst, int[] words) {
        final int tile = Pixels.TILE;
        int features = features();
        int size = indices.length;
        for (int b0 = 0; b0 < size; b0 += tile) {
            int b1 = Math.min(b0 + tile, size);
            if (x != null) {
                for (int f = 0; f < features; f++) {
                    for (int b = b0; b < b1; b++) {
                        dst[f * size + b] = x[indices[b] * features + f];  // x(f, b) = example indices[b], feature f
                    }
                }
            } else {
                pixels.transposeInto(indices, b0, b1, features, dst, words);
            }
        }
    }

    /** The number of stored feature values, {@code size() * features()}. */
    int values() {
        return labels.length * features();
    }

    /**
     * The same examples and labels standardized with {@code mean} and {@code std}, each of length
     * 1 or {@code features()}: attached to raw pixels, or computed into a new float array.
     */
    Dataset standardized(float[] mean, float[] std) {
        if (pixels != null && pixels.isRaw()) {
            return new Dataset(name, exampleShape, null, new Pixels(pixels.data(), mean, std), labels, classes);
        }
        float[] out = new float[values()];
        int features = features();
        boolean global = mean.length == 1;
        for (int k = 0; k < out.length; k++) {
            int s = global ? 0 : k % features;
            out[k] = (value(k) - mean[s]) / std[s];
        }
        return new Dataset(name, exampleShape, out, null, labels, classes);
    }

    @Override
    public String toString() {
        return "Dataset(" + name + ", " + size() + " examples of " + exampleShape + ", " + classes + " classes)";
    }
}
