package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.config.Config;
import rewire.data.CsvDataset;
import rewire.data.Dataset;
import rewire.kernel.Kernels;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.tensor.Rng;

/**
 * The inference path of a trained classifier: raw examples are standardized as the training data
 * were, so predicting the raw test file gives the run's own test accuracy; a serving call on one
 * example agrees with the batched one.
 */
class ClassifierTest {
    @TempDir
    Path dir;

    // n points in three clusters around (10, 10), (14, 10), (10, 14): far from the origin, so a
    // classifier that skipped the standardization would see other numbers
    private Path clusters(String name, int n, long seed) throws Exception {
        Rng rng = new Rng(seed);
        StringBuilder csv = new StringBuilder("label,x,y\n");
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            csv.append(c).append(',').append(10 + (c == 1 ? 4 : 0) + 2 * rng.nextFloat() - 1).append(',')
                    .append(10 + (c == 2 ? 4 : 0) + 2 * rng.nextFloat() - 1).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private ClassificationWorkload trained(Path train, Path test) throws Exception {
        RunSpec spec = ClassifyRuns.spec(Config.load(ClassifyConfig.class, List.of("train.runs=" + dir.resolve("runs"),
                "sparsity.recipe=dense", "model.hidden=[16]", "data.batchSize=8", "data.evalBatch=50",
                "optim.name=adam", "optim.lr=0.01", "optim.weightDecay=0", "train.epochs=4", "data.format=csv",
                "data.train.features=" + train, "data.test.features=" + test)), Kernels.defaults());
        TrainingRun.start(spec, Kernels.defaults(), null).run();
        return (ClassificationWorkload) spec.workload();
    }

    @Test
    void theRawTestFileGetsTheRunsOwnAccuracy() throws Exception {
        Path test = clusters("test.csv", 48, 2);
        ClassificationWorkload workload = trained(clusters("train.csv", 96, 1), test);
        double evaluated = workload.evaluate(0).get("accuracy");
        Dataset raw = CsvDataset.read("test", test, 0);
        Predictions predictions = workload.classifier().predict(raw, 5);
        int[] labels = new int[raw.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = raw.label(i);
        }
        assertEquals(evaluated, predictions.accuracy(labels), 1e-12);
        assertTrue(evaluated > 0.9, "separated clusters, accuracy " + evaluated);
    }

    @Test
    void oneExampleAtATimeAgreesWithTheBatch() throws Exception {
        Path test = clusters("test.csv", 48, 2);
        Classifier classifier = trained(clusters("train.csv", 96, 1), test).classifier();
        Dataset raw = CsvDataset.read("test", test, 0);
        Predictions batched = classifier.predict(raw, 48);
        for (int i = 0; i < raw.size(); i += 7) {
            Predictions one = classifier.predict(raw.example(i));
            assertEquals(batched.predicted(i), one.predicted(0), "example " + i);
            for (int c = 0; c < classifier.classes(); c++) {
                assertEquals(batched.probability(i, c), one.probability(0, c), 1e-6, "example " + i + " class " + c);
            }
        }
    }

    @Test
    void examplesOfAnotherWidthAreRefused() throws Exception {
        Path test = clusters("test.csv", 48, 2);
        Classifier classifier = trained(clusters("train.csv", 96, 1), test).classifier();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classifier.predict(new float[] {1, 2, 3}));
        assertEquals("need a positive multiple of 2 features, got 3", e.getMessage());
    }
}
