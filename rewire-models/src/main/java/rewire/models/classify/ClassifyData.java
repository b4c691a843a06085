package rewire.models.classify;

import java.io.IOException;
import java.nio.file.Path;
import rewire.autodiff.ImageShape;
import rewire.config.Config;
import rewire.data.CsvDataset;
import rewire.data.Dataset;
import rewire.data.FashionMnist;
import rewire.data.IdxDataset;
import rewire.data.NpyDataset;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.tensor.Shape;

/**
 * The data of a classification run as its {@link DataSettings} name it: read in the format they
 * give, cut to the limits, with one class count for both splits (the configured one, or the
 * largest label plus one), standardized with the training set's statistics.
 */
final class ClassifyData {
    private ClassifyData() {
    }

    /**
     * The data of a run and how its features were standardized.
     *
     * @param split  both splits, standardized
     * @param inputs the statistics of the training set that standardized them (identity for {@code none}),
     *               which a {@link Classifier} applies to new examples
     */
    record Loaded(Split split, Standardization inputs) {
    }

    static Loaded load(DataSettings data) throws IOException {
        Dataset train;
        Dataset test;
        if (data.format() == DataFormat.FASHION_MNIST) {
            Split split = FashionMnist.load(data.dir());
            train = split.train();
            test = split.test();
        } else {
            train = read(data, "train", data.train());
            test = read(data, "test", data.test());
        }
        train = limited(train, data.trainLimit());
        test = limited(test, data.testLimit());
        int classes = data.classes() > 0 ? data.classes() : Math.max(train.classes(), test.classes());
        Split raw = new Split(withClasses(train, classes, data), withClasses(test, classes, data));
        Standardization inputs = Standardization.fit(raw.train(), data.standardize());
        return new Loaded(inputs.isIdentity() ? raw : new Split(inputs.apply(raw.train()), inputs.apply(raw.test())),
                inputs);
    }

    // one split of the formats that name their files (DataSettings checked that they do)
    private static Dataset read(DataSettings data, String name, DataFiles files) throws IOException {
        Path features = files.features().orElseThrow();
        return switch (data.format()) {
            case IDX -> IdxDataset.read(name, features, files.labels().orElseThrow());
            case CSV -> CsvDataset.read(name, features, data.labelColumn());
            case NPY -> NpyDataset.read(name, features, files.labels().orElseThrow());
            case FASHION_MNIST -> throw new IllegalStateException("fashion-mnist reads both splits from data.dir");
        };
    }

    private static Dataset limited(Dataset data, int limit) {
        return limit > 0 ? data.slice(0, Math.min(limit, data.size())) : data;
    }

    private static Dataset withClasses(Dataset data, int classes, DataSettings settings) {
        try {
            return data.withClasses(classes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data.classes is " + settings.classes() + " (" + classes
                    + " classes): " + e.getMessage(), e);
        }
    }

    /**
     * The input of the model: the examples' image shape when they are images (channels, height,
     * width), else a flat vector, which only an MLP takes.
     *
     * @throws IllegalArgumentException for a CNN or ViT on flat vectors
     */
    static ImageShape input(Dataset train, ModelSettings model) {
        Shape shape = train.exampleShape();
        if (shape.rank() == 3) {
            return new ImageShape(shape.dim(0), shape.dim(1), shape.dim(2));
        }
        if (model.arch() != ModelSettings.Arch.MLP) {
            throw new IllegalArgumentException("model.arch " + Config.spelling(model.arch()) + " needs images with a"
                    + " height and width; the data (" + train.name() + ") are flat vectors of " + train.features()
                    + " features: use model.arch mlp");
        }
        return new ImageShape(1, 1, train.features());
    }

    /** The example's {@code (height, width)} for the first layer's heatmap when an MLP reads images, else null. */
    static int[] heatmapImage(Dataset train, ModelSettings model) {
        Shape shape = train.exampleShape();
        return model.arch() == ModelSettings.Arch.MLP && shape.rank() == 3 && shape.dim(0) == 1
                ? new int[] {shape.dim(1), shape.dim(2)} : null;
    }
}
