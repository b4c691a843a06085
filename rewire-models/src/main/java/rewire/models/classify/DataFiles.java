package rewire.models.classify;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one split of a classification run's own data ({@code data.train}, {@code data.test}).
 *
 * @param features the examples: IDX images, a .npy array, or the CSV file (which holds the labels too)
 * @param labels   the labels: an IDX or .npy file; none for CSV
 */
public record DataFiles(Optional<Path> features, Optional<Path> labels) {

    /** No files (the Fashion-MNIST format finds its own). */
    public static DataFiles defaults() {
        return new DataFiles(Optional.empty(), Optional.empty());
    }

    /** Whether no file is named. */
    boolean isEmpty() {
        return features.isEmpty() && labels.isEmpty();
    }
}
