package rewire.data;

import java.io.IOException;
import java.nio.file.Path;
import rewire.tensor.Shape;

/**
 * A labelled image dataset from a pair of IDX files: images of rank 3 ({@code (n, height, width)},
 * unsigned bytes) and labels of rank 1 ({@code (n)}). Pixels are scaled to {@code [0, 1]} by
 * dividing by 255 (kept as bytes, scaled when read); examples get the shape {@code (1, height, width)} (one channel).
 */
public final class IdxDataset {
    private IdxDataset() {
    }

    /**
     * Reads and pairs {@code images} and {@code labels}.
     *
     * @throws IdxFormatException naming the file at fault when either file is malformed, their
     *     counts differ, or a label is outside {@code [0, classes)}
     */
    public static Dataset read(String name, Path images, Path labels, int classes) throws IOException {
        return pair(name, IdxReader.read(images, 3), IdxReader.read(labels, 1), classes);
    }

    /**
     * Reads and pairs {@code images} and {@code labels}, with as many classes as the labels name
     * (the largest label plus one).
     *
     * @throws IdxFormatException naming the file at fault when either file is malformed or their
     *     counts differ
     */
    public static Dataset read(String name, Path images, Path labels) throws IOException {
        IdxArray y = IdxReader.read(labels, 1);
        int classes = 1;
        for (int i = 0; i < y.count(); i++) {
            classes = Math.max(classes, y.unsigned(i) + 1);
        }
        return pair(name, IdxReader.read(images, 3), y, classes);
    }

    /** The images of {@code images} without labels (every label 0, one class): inputs to predict. */
    public static Dataset readImages(String name, Path images) throws IOException {
        IdxArray x = IdxReader.read(images, 3);
        return images(name, x, new int[x.count()], 1);
    }

    /** Pairs images already read with their labels; see {@link #read}. */
    static Dataset pair(String name, IdxArray images, IdxArray labels, int classes) throws IdxFormatException {
        if (images.count() != labels.count()) {
            throw new IdxFormatException(labels.file(), "labels/images count mismatch: " + labels.count()
                    + " labels, but " + images.file() + " holds " + images.count() + " images");
        }
        int[] y = new int[labels.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.unsigned(i);
            if (y[i] >= classes) {
                throw new IdxFormatException(labels.file(), "label " + y[i] + " of example " + i
                        + " is outside [0, " + classes + ")");
            }
        }
        return images(name, images, y, classes);
    }

    // one-channel images (1, height, width) over the file's bytes
    private static Dataset images(String name, IdxArray images, int[] labels, int classes) {
        int[] dims = images.dims();
        return Dataset.ofPixels(name, Shape.of(1, dims[1], dims[2]), images.data(), labels, classes);
    }
}
