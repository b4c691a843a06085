package rewire.models.classify;

import java.nio.file.Path;
import rewire.data.FashionMnist;

/**
 * The data section of a classification run.
 *
 * @param dataset     fashion-mnist (the IDX files of the Debian package dataset-fashion-mnist)
 * @param dir         the folder holding the IDX files (relative: to the configuration file's folder)
 * @param batchSize   training examples per step
 * @param evalBatch   examples per evaluation batch
 * @param standardize none, global or per-feature (statistics of the training set)
 * @param trainLimit  use only the first N training examples (0: all), for quick runs
 * @param testLimit   evaluate on only the first N test examples (0: all)
 */
public record DataSettings(String dataset, Path dir, int batchSize, int evalBatch, String standardize,
                           int trainLimit, int testLimit) {

    public DataSettings {
        if (!dataset.equals("fashion-mnist")) {
            throw new IllegalArgumentException("data.dataset must be fashion-mnist, got '" + dataset + "'");
        }
        if (batchSize < 1 || evalBatch < 1 || trainLimit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("data: batchSize and evalBatch must be positive, limits >= 0");
        }
    }

    public static DataSettings defaults() {
        return new DataSettings("fashion-mnist", FashionMnist.DEFAULT_DIR, 128, 1000, "global", 0, 0);
    }
}
