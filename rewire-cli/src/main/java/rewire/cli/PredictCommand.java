package rewire.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.data.CsvDataset;
import rewire.data.Dataset;
import rewire.data.IdxDataset;
import rewire.data.NpyDataset;
import rewire.io.AtomicFile;
import rewire.kernel.Kernels;
import rewire.models.classify.ClassificationWorkload;
import rewire.models.classify.Classifier;
import rewire.models.classify.Predictions;

/**
 * {@code rewire predict RUN --input FILE}: a classification run's model applied to new examples,
 * read as the training data were (IDX images, NumPy or CSV features, raw: the run's standardization
 * is applied), with their probabilities written as CSV and, given labels, the accuracy.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict the classes of new examples with a classification run's last (or best) checkpoint: "
                + "IDX images (.gz or not), NumPy .npy features or CSV features, raw as the run's data files hold "
                + "them (the run standardizes them as it did its training data).",
            "Examples:",
            "  rewire predict runs/mlp-... --input /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz "
                + "--labels /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz",
            "  rewire predict runs/mlp-... --input new.npy --out predictions.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:predicted", "2:not a classification run, no checkpoint, an unreadable input or examples of "
                + "another shape"})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "The run folder (workload: classify).")
    Path run;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The examples: a .npy array (n, features) or (n, height, width), a .csv file of feature "
                    + "columns, or else IDX images (n, height, width).")
    Path input;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Their labels (IDX or .npy), to report the accuracy.")
    Path labels;

    @Option(names = "--label-column", defaultValue = "-2", paramLabel = "N",
            description = "CSV input: the column (0-based, -1 the last) that holds labels; by default every column "
                    + "is a feature.")
    int labelColumn;

    @Option(names = "--best", description = "Use checkpoints/best.ckpt (the best by the primary score).")
    boolean best;

    @Option(names = "--batch", defaultValue = "256",
            description = "Examples per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write every example's predicted class and probabilities as CSV (example,predicted,p0,...).")
    Path out;

    @Option(names = "--show", defaultValue = "10",
            description = "Examples listed on the console (default: ${DEFAULT-VALUE}).")
    int show;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        LoadedRun loaded = LoadedRun.open(run, best, "predict with", Kernels.defaults());
        if (!(loaded.spec().workload() instanceof ClassificationWorkload workload)) {
            throw new IllegalArgumentException(run + " is a " + loaded.spec().workload().name() + " run; rewire predict "
                    + "works on classification runs (workload: classify); rewire sample draws from GPT, RL and GAN runs");
        }
        Classifier classifier = workload.classifier();
        Dataset examples = examples();
        long start = System.nanoTime();
        Predictions predictions = classifier.predict(examples, batch);
        double seconds = (System.nanoTime() - start) / 1e9;

        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "%s after step %d: %,d examples of %s predicted in %.3f s (%,.0f examples/s, "
                + "batch %d)%n", loaded.folder().dir(), loaded.step(), predictions.size(), input, seconds,
                predictions.size() / seconds, batch);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("example", "predicted", "probability"));
        for (int i = 0; i < Math.min(show, predictions.size()); i++) {
            int c = predictions.predicted(i);
            rows.add(List.of(Integer.toString(i), Integer.toString(c),
                    String.format(Locale.ROOT, "%.4f", predictions.probability(i, c))));
        }
        if (rows.size() > 1) {
            TextColumns.lines("  ", rows).forEach(console::println);
        }
        if (labelled()) {
            int[] y = new int[examples.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = examples.label(i);
            }
            console.printf(Locale.ROOT, "accuracy  %.2f%% against the labels of %s%n", 100 * predictions.accuracy(y),
                    labels != null ? labels : input);
        }
        if (out != null) {
            writeCsv(predictions, out);
            console.printf("wrote %s%n", out);
        }
        console.flush();
        return 0;
    }

    // the examples, and their labels when given, read by the input's kind
    private Dataset examples() throws IOException {
        String name = input.getFileName().toString();
        if (name.endsWith(".csv")) {
            if (labels != null) {
                throw new IllegalArgumentException("--labels does not apply to CSV input (" + input + "): name the "
                        + "column that holds them with --label-column");
            }
            return CsvDataset.read(name, input, labelColumn);
        }
        if (name.endsWith(".npy")) {
            return labels == null ? NpyDataset.readFeatures(name, input) : NpyDataset.read(name, input, labels);
        }
        return labels == null ? IdxDataset.readImages(name, input) : IdxDataset.read(name, input, labels);
    }

    private boolean labelled() {
        return labels != null || labelColumn != CsvDataset.NO_LABELS;
    }

    private static void writeCsv(Predictions predictions, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file.toAbsolutePath(), stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            StringBuilder header = new StringBuilder("example,predicted");
            for (int c = 0; c < predictions.classes(); c++) {
                header.append(",p").append(c);
            }
            w.write(header.append('\n').toString());
            for (int i = 0; i < predictions.size(); i++) {
                StringBuilder line = new StringBuilder().append(i).append(',').append(predictions.predicted(i));
                for (int c = 0; c < predictions.classes(); c++) {
                    line.append(',').append(predictions.probability(i, c));
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        });
    }

    // option values named as the user typed them, before the run is loaded
    private void checkOptions() {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        if (show < 0) {
            throw new IllegalArgumentException("--show must be >= 0, got " + show);
        }
        if (labelColumn < CsvDataset.NO_LABELS) {
            throw new IllegalArgumentException("--label-column must be 0 or more, or -1 for the last column, got "
                    + labelColumn);
        }
    }
}
