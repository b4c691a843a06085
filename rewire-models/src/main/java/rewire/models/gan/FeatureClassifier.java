package rewire.models.gan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.data.Dataset;
import rewire.data.Standardization;
import rewire.dist.DistSettings;
import rewire.kernel.Kernels;
import rewire.models.classify.ClassificationWorkload;
import rewire.models.classify.ClassifyConfig;
import rewire.models.classify.ClassifyRuns;
import rewire.models.classify.DataFiles;
import rewire.models.classify.DataFormat;
import rewire.models.classify.DataSettings;
import rewire.models.classify.ModelSettings;
import rewire.nn.Layer;
import rewire.nn.Sequential;
import rewire.optim.Slots;
import rewire.run.LoopSettings;
import rewire.run.RunCheckpoint;
import rewire.run.RunFolder;
import rewire.run.RunRecord;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.tensor.Tensor;
import rewire.train.OptimSettings;
import rewire.train.SparsitySettings;

/**
 * The image classifier whose features judge a GAN's samples, in place of Inception: a run of the
 * classify workload (dense; a small CNN or an MLP) on the GAN's own labelled images, trained once
 * and cached as a run folder under {@code quality.classifierRuns}, found again by its name. Its
 * penultimate layer (the last hidden fc layer, after its ReLU) gives the features of FID-FMNIST and
 * KID-FMNIST, its softmax the class probabilities of the IS-like score. Images are fed as the
 * classifier was trained: pixels in [0, 1], standardized with the training set's statistics.
 */
final class FeatureClassifier {
    private static final int BATCH = 500;

    private final Layer features;
    private final Layer head;
    private final Standardization standardization;
    private final Tape tape;
    private final String source;

    private FeatureClassifier(Sequential model, Standardization standardization, Kernels kernels, String source) {
        List<Layer> layers = model.layers();
        this.features = new Sequential(layers.subList(0, layers.size() - 1));
        this.head = layers.get(layers.size() - 1);
        this.standardization = standardization;
        this.tape = new Tape(kernels);
        this.source = source;
    }

    /**
     * Features and class probabilities of a batch of images.
     *
     * @param features {@code (F, N)} penultimate activations
     * @param probs    {@code (K, N)} softmax of the logits
     */
    record Output(Tensor features, Tensor probs) {
    }

    /**
     * The cached classifier for these data, trained first (printing what happens to {@code notices})
     * when {@code quality.classifierRuns} holds no finished run of it.
     *
     * @param rawTrain the training images with pixels in [0, 1], whose statistics standardize the input
     */
    static FeatureClassifier cached(QualitySettings quality, GanDataSettings data, Dataset rawTrain, Kernels kernels,
                                    Consumer<String> notices) throws IOException {
        ClassifyConfig config = config(quality, data);
        Path folder = find(quality.classifierRuns(), config.name()).orElse(null);
        if (folder == null) {
            notices.accept("FID-FMNIST features: training the " + config.name() + " classifier once ("
                    + quality.classifierEpochs() + " epochs), cached under " + quality.classifierRuns());
            TrainingRun run = TrainingRun.start(ClassifyRuns.spec(config, kernels), kernels, null);
            run.run();
            folder = run.folder().dir();
            notices.accept("FID-FMNIST features: " + folder + " test accuracy " + String.format(Locale.ROOT, "%.4f",
                    run.folder().readRecord().summary().value("accuracy")));
        }
        RunSpec spec = ClassifyRuns.spec(config, kernels);
        ClassificationWorkload workload = (ClassificationWorkload) spec.workload();
        RunCheckpoint.restore(RunFolder.open(folder).lastCheckpoint(), workload, new Slots(), List.of());
        workload.model().eval();
        return new FeatureClassifier((Sequential) workload.model(),
                Standardization.fit(rawTrain, Standardization.Mode.GLOBAL), kernels, folder.toString());
    }

    /** The classify run that trains it: dense, momentum SGD with cosine decay, on the GAN's data. */
    static ClassifyConfig config(QualitySettings quality, GanDataSettings data) {
        boolean cnn = quality.classifierArch() == ModelSettings.Arch.CNN;
        ModelSettings model = new ModelSettings(quality.classifierArch(), cnn ? List.of(128) : List.of(256, 128),
                List.of(16, 32), 5, 0, ModelSettings.defaults().crossover(), ModelSettings.defaults().vit());
        DataFormat format = data.format() == GanDataSettings.Format.IDX ? DataFormat.IDX : DataFormat.FASHION_MNIST;
        DataSettings classifyData = new DataSettings(format, data.dir(), files(data.train()), files(data.test()), 0, 0,
                128, 1000, Standardization.Mode.GLOBAL, 0, 0);
        LoopSettings loop = new LoopSettings(quality.classifierEpochs(), 100, 0, 0, 1, 0, quality.classifierRuns());
        OptimSettings optim = new OptimSettings(OptimSettings.Optimizer.MOMENTUM, 0.05, 0.9, 0.999, 1e-8, 5e-4, true,
                OptimSettings.RateSchedule.COSINE, 0, 0, 1000, 0.1, 0);
        String name = "features-" + (data.format() == GanDataSettings.Format.IDX ? "idx" : "fmnist") + "-"
                + quality.classifierArch().name().toLowerCase(Locale.ROOT) + "-e" + quality.classifierEpochs();
        return new ClassifyConfig(ClassifyConfig.WORKLOAD, name, 1, model, classifyData, loop, optim,
                new SparsitySettings(SparsitySettings.DENSE, 1, List.of()), DistSettings.defaults());
    }

    private static DataFiles files(ImageFiles images) {
        return new DataFiles(images.images(), images.labels());
    }

    // the newest finished run folder named name-<time> under runs
    private static Optional<Path> find(Path runs, String name) throws IOException {
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        List<Path> finished = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith(name + "-")).toList()) {
                if (Files.isRegularFile(d.resolve(RunFolder.RUN_JSON))
                        && RunFolder.open(d).readRecord().status().equals(RunRecord.FINISHED)
                        && Files.isRegularFile(RunFolder.open(d).lastCheckpoint())) {
                    finished.add(d);
                }
            }
        }
        return finished.stream().max(Comparator.comparing(p -> p.getFileName().toString()));
    }

    /** Where the classifier's run is. */
    String source() {
        return source;
    }

    /** Features and probabilities of {@code images (C·H·W, N)} with pixels in [-1, 1], in batches. */
    Output apply(Tensor images) {
        int n = images.cols();
        int f = -1;
        List<Tensor[]> parts = new ArrayList<>();
        for (int from = 0; from < n; from += BATCH) {
            Tensor x = standardized(images.columns(from, Math.min(n, from + BATCH)));
            tape.clear();
            Var h = features.forward(tape, Var.constant(x));
            Var logits = head.forward(tape, h);
            parts.add(new Tensor[] {h.value().copy(), softmax(logits.value())});
            f = h.value().rows();
        }
        tape.clear();
        return new Output(join(parts, 0, f, n), join(parts, 1, parts.get(0)[1].rows(), n));
    }

    // [-1, 1] to [0, 1], then the classifier's standardization
    private Tensor standardized(Tensor x) {
        float mean = standardization.mean()[0];
        float std = standardization.std()[0];
        Tensor out = x.copy();
        float[] d = out.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = ((d[i] + 1) / 2 - mean) / std;
        }
        return out;
    }

    private static Tensor softmax(Tensor logits) {
        int k = logits.rows();
        int n = logits.cols();
        Tensor p = Tensor.zeros(k, n);
        for (int b = 0; b < n; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, logits.data()[c * n + b]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logits.data()[c * n + b] - max);
            }
            for (int c = 0; c < k; c++) {
                p.data()[c * n + b] = (float) (Math.exp(logits.data()[c * n + b] - max) / sum);
            }
        }
        return p;
    }

    // the column blocks parts[*][which] (rows, n_i) side by side: (rows, n)
    private static Tensor join(List<Tensor[]> parts, int which, int rows, int n) {
        Tensor out = Tensor.zeros(rows, n);
        int col = 0;
        for (Tensor[] p : parts) {
            Tensor t = p[which];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(t.data(), r * t.cols(), out.data(), r * n + col, t.cols());
            }
            col += t.cols();
        }
        return out;
    }
}
