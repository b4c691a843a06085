package rewire.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import rewire.tensor.Shape;

/**
 * A labelled dataset from two NumPy {@code .npy} files: the features, an array of shape
 * {@code (n, features)} (flat vectors) or {@code (n, height, width)} (one-channel images) of
 * float32, float64 (rounded to float32) or uint8 (pixels, scaled to {@code [0, 1]} by dividing by
 * 255 and kept as bytes, as IDX images are), and the labels, an integer array of shape
 * {@code (n)} with values from 0. The classes are the largest label plus one.
 *
 * <pre>{@code
 * numpy.save("train-x.npy", x.astype(numpy.float32))   # (n, features) or (n, height, width)
 * numpy.save("train-y.npy", y.astype(numpy.int64))     # (n,)
 * }</pre>
 */
public final class NpyDataset {
    private static final Set<String> FEATURE_TYPES = Set.of("f4", "f8", "u1");
    private static final Set<Character> LABEL_KINDS = Set.of('i', 'u');

    private NpyDataset() {
    }

    /**
     * Reads and pairs {@code features} and {@code labels}.
     *
     * @throws DataFileException naming the file at fault: an unsupported dtype or rank, Fortran
     *     order, a count mismatch, a negative label
     * @throws IOException when a file cannot be read
     */
    public static Dataset read(String name, Path features, Path labels) throws IOException {
        NpyArray x = features(features);
        NpyArray y = NpyArray.read(labels);
        if (!LABEL_KINDS.contains(y.kind()) || y.shape().length != 1) {
            throw new DataFileException(labels, "labels of dtype '" + y.dtype() + "' and rank " + y.shape().length
                    + " are not supported: need integers (such as <i8 or |u1) of shape (n,)");
        }
        if (y.shape()[0] != x.shape()[0]) {
            throw new DataFileException(labels, y.shape()[0] + " labels, but " + features + " holds " + x.shape()[0]
                    + " examples");
        }
        int[] classes = labels(y);
        return dataset(name, x, classes, Dataset.classesOf(classes));
    }

    /**
     * The features of {@code features} without labels (every label 0, one class): inputs to predict.
     *
     * @throws DataFileException naming the file: an unsupported dtype or rank, Fortran order
     */
    public static Dataset readFeatures(String name, Path features) throws IOException {
        NpyArray x = features(features);
        return dataset(name, x, new int[x.shape()[0]], 1);
    }

    private static NpyArray features(Path features) throws IOException {
        NpyArray x = NpyArray.read(features);
        int[] s = x.shape();
        if (!FEATURE_TYPES.contains(x.dtype().substring(1)) || s.length < 2 || s.length > 3) {
            throw new DataFileException(features, "features of dtype '" + x.dtype() + "' and rank " + s.length
                    + " are not supported: need float32 (<f4), float64 (<f8) or uint8 (|u1) of shape (n, features)"
                    + " or (n, height, width)");
        }
        return x;
    }

    // (n, features) flat vectors or (n, height, width) one-channel images; uint8 stays bytes
    private static Dataset dataset(String name, NpyArray x, int[] labels, int classes) {
        int[] s = x.shape();
        Shape example = s.length == 2 ? Shape.of(s[1]) : Shape.of(1, s[1], s[2]);
        return x.kind() == 'u'
                ? Dataset.ofPixels(name, example, x.bytes(), labels, classes)
                : Dataset.of(name, example, x.floats(), labels, classes);
    }

    private static int[] labels(NpyArray y) throws DataFileException {
        int[] out = new int[y.size()];
        for (int i = 0; i < out.length; i++) {
            long label = y.integer(i);
            if (label < 0 || label >= Integer.MAX_VALUE) {
                throw new DataFileException(y.file(), "label " + label + " of example " + i
                        + " is not a class number (an integer from 0)");
            }
            out[i] = (int) label;
        }
        return out;
    }
}
