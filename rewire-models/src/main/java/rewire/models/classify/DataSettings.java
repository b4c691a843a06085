package rewire.models.classify;

import java.nio.file.Path;
import rewire.data.CsvDataset;
import rewire.data.FashionMnist;
import rewire.data.Standardization;

/**
 * The data section of a classification run.
 *
 * @param format      fashion-mnist, idx, csv or npy (docs/data.md describes each)
 * @param dir         the folder holding the Fashion-MNIST IDX files (format fashion-mnist; relative:
 *                    to the configuration file's folder)
 * @param train       the training files (formats idx, csv, npy)
 * @param test        the test files (formats idx, csv, npy)
 * @param labelColumn the CSV column holding the labels, from 0; -1 for the last one
 * @param classes     the number of classes; 0 takes the largest label of both splits plus one
 * @param batchSize   training examples per step
 * @param evalBatch   examples per evaluation batch
 * @param standardize none, global or per-feature (statistics of the training set); none leaves pixel
 *                    bytes (fashion-mnist, idx, uint8 npy) at x/255, the preprocessing of PyTorch DST libraries
 * @param trainLimit  use only the first N training examples (0: all), for quick runs
 * @param testLimit   evaluate on only the first N test examples (0: all)
 */
public record DataSettings(DataFormat format, Path dir, DataFiles train, DataFiles test, int labelColumn,
                           int classes, int batchSize, int evalBatch, Standardization.Mode standardize,
                           int trainLimit, int testLimit) {

    public DataSettings {
        if (batchSize < 1 || evalBatch < 1 || trainLimit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("data: batchSize and evalBatch must be positive, limits >= 0");
        }
        if (labelColumn < CsvDataset.LAST_COLUMN || classes < 0) {
            throw new IllegalArgumentException("data: labelColumn must be >= -1 and classes >= 0, got " + labelColumn
                    + " and " + classes);
        }
        checkFiles(format, "train", train);
        checkFiles(format, "test", test);
    }

    // fashion-mnist names no files; idx and npy need features and labels; csv needs features only
    private static void checkFiles(DataFormat format, String split, DataFiles files) {
        String name = format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (format == DataFormat.FASHION_MNIST && !files.isEmpty()) {
            throw new IllegalArgumentException("data." + split + ": format " + name + " reads data.dir; name files"
                    + " with format idx, csv or npy");
        }
        if (format != DataFormat.FASHION_MNIST && files.features().isEmpty()) {
            throw new IllegalArgumentException("data." + split + ".features: format " + name + " needs a file");
        }
        boolean needsLabels = format == DataFormat.IDX || format == DataFormat.NPY;
        if (needsLabels && files.labels().isEmpty()) {
            throw new IllegalArgumentException("data." + split + ".labels: format " + name + " needs a labels file");
        }
        if (format == DataFormat.CSV && files.labels().isPresent()) {
            throw new IllegalArgumentException("data." + split + ".labels: a CSV file holds its labels in"
                    + " data.labelColumn; name no labels file");
        }
    }

    public static DataSettings defaults() {
        return new DataSettings(DataFormat.FASHION_MNIST, FashionMnist.DEFAULT_DIR, DataFiles.defaults(),
                DataFiles.defaults(), 0, 0, 128, 1000, Standardization.Mode.GLOBAL, 0, 0);
    }
}
