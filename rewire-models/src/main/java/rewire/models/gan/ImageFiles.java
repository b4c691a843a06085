package rewire.models.gan;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The IDX files of one split of a GAN run's own images ({@code data.train}, {@code data.test}).
 *
 * @param images the images {@code (n, height, width)}, unsigned bytes, gzipped or not
 * @param labels the labels {@code (n)}, which train the quality classifier
 */
public record ImageFiles(Optional<Path> images, Optional<Path> labels) {

    /** No files (the Fashion-MNIST format finds its own). */
    public static ImageFiles defaults() {
        return new ImageFiles(Optional.empty(), Optional.empty());
    }
}
