package rewire.data;

import java.util.Arrays;
import rewire.tensor.Shape;

/**
 * A labelled dataset held in memory: {@code n} examples of {@code features} floats each, stored
 * example-major ({@code (n, features)}, example {@code i} at {@code [i * features, (i + 1) * features)}),
 * one class label in {@code [0, classes)} per example, and the shape of one example (for images
 * {@code (channels, height, width)}, whose product is {@code features}).
 *
 * <p>Immutable: the arrays are owned by the dataset, never handed out for writing; transformations
 * such as {@link Standardization#apply} return a new dataset. Batches are cut by a {@link Batcher}.
 */
public final class Dataset {
    private final String name;
    private final Shape exampleShape;
    private final float[] x;
    private final int[] labels;
    private final int classes;

    private Dataset(String name, Shape exampleShape, float[] x, int[] labels, int classes) {
        this.name = name;
        this.exampleShape = exampleShape;
        this.x = x;
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
        int features = exampleShape.size();
        if (features == 0) {
            throw new IllegalArgumentException(name + ": example shape " + exampleShape + " has no features");
        }
        if ((long) labels.length * features != x.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels of examples shaped "
                    + exampleShape + " need " + (long) labels.length * features + " floats, got " + x.length);
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
        return new Dataset(name, exampleShape, x, labels, classes);
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
        return x[i * features() + f];
    }

    /** A copy of the features of example {@code i}. */
    public float[] example(int i) {
        int features = features();
        return Arrays.copyOfRange(x, i * features, (i + 1) * features);
    }

    /** Examples {@code [from, to)} as a new dataset (copied), for example to hold out a validation set. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") outside [0, " + size() + ") of " + name);
        }
        int features = features();
        return new Dataset(name + "[" + from + ":" + to + "]", exampleShape,
                Arrays.copyOfRange(x, from * features, to * features), Arrays.copyOfRange(labels, from, to), classes);
    }

    /** The backing example-major features; package readers must not write them. */
    float[] rawFeatures() {
        return x;
    }

    /** The same examples and labels with other features of the same shape. */
    Dataset withFeatures(float[] newX) {
        assert newX.length == x.length;
        return new Dataset(name, exampleShape, newX, labels, classes);
    }

    @Override
    public String toString() {
        return "Dataset(" + name + ", " + size() + " examples of " + exampleShape + ", " + classes + " classes)";
    }
}
