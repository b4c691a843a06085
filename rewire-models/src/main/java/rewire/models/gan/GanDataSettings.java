package rewire.models.gan;

import java.nio.file.Path;
import rewire.data.FashionMnist;

/**
 * The data section of a GAN run: the images to learn (the training split) and the held-out images
 * whose features the samples are compared with (the test split). The labels train the quality
 * classifier only.
 *
 * @param format     fashion-mnist (the four files in {@code dir}) or idx (an image and a label file per split)
 * @param dir        the folder holding the Fashion-MNIST IDX files (format fashion-mnist; relative:
 *                   to the configuration file's folder)
 * @param train      the training images and labels (format idx)
 * @param test       the held-out images and labels (format idx)
 * @param batchSize  real images per discriminator update (and latent codes per generator update)
 * @param trainLimit use only the first N training images (0: all), for quick runs
 */
public record GanDataSettings(Format format, Path dir, ImageFiles train, ImageFiles test, int batchSize,
                              int trainLimit) {

    /** How the images are stored ({@code data.format}). */
    public enum Format {
        /** Fashion-MNIST's four IDX files in {@code data.dir} (the Debian package dataset-fashion-mnist). */
        FASHION_MNIST,
        /** An IDX pair per split: images {@code (n, height, width)} and labels {@code (n)}, gzipped or not. */
        IDX
    }

    public GanDataSettings {
        if (format == null) {
            throw new IllegalArgumentException("data.format must be set");
        }
        if (batchSize < 2 || trainLimit < 0) {
            throw new IllegalArgumentException("data: batchSize must be at least 2 (batch norm needs two values per "
                    + "feature) and trainLimit >= 0, got " + batchSize + " and " + trainLimit);
        }
        for (String split : new String[] {"train", "test"}) {
            ImageFiles files = split.equals("train") ? train : test;
            boolean named = files.images().isPresent() || files.labels().isPresent();
            if (format == Format.FASHION_MNIST && named) {
                throw new IllegalArgumentException("data." + split + ": format fashion-mnist reads data.dir; name files"
                        + " with format idx");
            }
            if (format == Format.IDX && (files.images().isEmpty() || files.labels().isEmpty())) {
                throw new IllegalArgumentException("data." + split + ": format idx needs an image file (images) and"
                        + " a label file (labels)");
            }
        }
    }

    public static GanDataSettings defaults() {
        return new GanDataSettings(Format.FASHION_MNIST, FashionMnist.DEFAULT_DIR, ImageFiles.defaults(),
                ImageFiles.defaults(), 64, 0);
    }
}
