package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.config.Config;
import rewire.config.ConfigException;
import rewire.data.IdxFiles;
import rewire.data.NpyFiles;
import rewire.kernel.Kernels;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.sparsity.FlopCounter;
import rewire.tensor.Rng;

/**
 * Classification on the user's own data through configuration: CSV vectors, NumPy images, IDX
 * pairs; the input shape and the classes come from the data; errors name the key at fault.
 */
class OwnDataTest {
    @TempDir
    Path dir;

    private RunSpec spec(String... overrides) throws Exception {
        List<String> all = new ArrayList<>(List.of("train.runs=" + dir.resolve("runs"), "sparsity.recipe=dense",
                "model.hidden=[16]", "data.batchSize=8", "data.evalBatch=50", "optim.name=adam", "optim.lr=0.01",
                "optim.weightDecay=0"));
        all.addAll(List.of(overrides));
        return ClassifyRuns.spec(Config.load(ClassifyConfig.class, all), Kernels.defaults());
    }

    // n points in three clusters around (0, 0), (4, 0), (0, 4), label first, with a header line
    private Path clusters(String name, int n, long seed) throws Exception {
        Rng rng = new Rng(seed);
        StringBuilder csv = new StringBuilder("label,x,y\n");
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            csv.append(c).append(',').append((c == 1 ? 4 : 0) + rng.nextFloat() - 0.5f).append(',')
                    .append((c == 2 ? 4 : 0) + rng.nextFloat() - 0.5f).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void anMlpLearnsCsvVectors() throws Exception {
        RunSpec spec = spec("data.format=csv", "data.train.features=" + clusters("train.csv", 96, 1),
                "data.test.features=" + clusters("test.csv", 48, 2), "train.epochs=12");
        assertEquals("mlp-train", spec.workload().name());
        assertNull(spec.workload().inputImage(), "flat vectors have no image to draw");
        double accuracy = TrainingRun.start(spec, Kernels.defaults(), null).run().summary().value("accuracy");
        assertTrue(accuracy > 0.9, "three separated clusters, test accuracy " + accuracy);
    }

    @Test
    void npyImagesFeedACnnAndAnMlpDrawsThem() throws Exception {
        byte[] pixels = new byte[20 * 8 * 8];
        new java.util.Random(3).nextBytes(pixels);
        long[] labels = new long[20];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
        }
        Path x = NpyFiles.write(dir.resolve("x.npy"), "|u1", false, "(20, 8, 8)", pixels);
        Path y = NpyFiles.write(dir.resolve("y.npy"), "<i8", false, "(20,)", NpyFiles.int64(labels));
        String[] files = {"data.format=npy", "data.train.features=" + x, "data.train.labels=" + y,
            "data.test.features=" + x, "data.test.labels=" + y, "train.epochs=1"};
        RunSpec cnn = spec(concat(files, "model.arch=cnn", "model.channels=[4]", "model.kernel=3"));
        List<FlopCounter.Layer> layers = cnn.workload().groups().get(0).flopLayers();
        assertEquals(List.of(9, 4, 64), List.of(layers.get(0).in(), layers.get(0).out(), layers.get(0).positions()),
                "3x3 kernels over one input channel, 4 maps, at 8x8 positions");
        assertEquals(4 * 4 * 4, layers.get(1).in(), "4 maps pooled to 4x4");
        TrainingRun.start(cnn, Kernels.defaults(), null).run();
        assertArrayEquals(new int[] {8, 8}, spec(files).workload().inputImage());
    }

    @Test
    void idxPairsGetTheClassesOfBothSplitsOrTheConfiguredCount() throws Exception {
        Path images = IdxFiles.write(dir.resolve("x"), IdxFiles.images(6, 5));
        Path train = IdxFiles.write(dir.resolve("train-y"), IdxFiles.idx(new int[] {6}, new byte[] {0, 1, 2, 0, 1, 2}));
        Path test = IdxFiles.write(dir.resolve("test-y"), IdxFiles.idx(new int[] {6}, new byte[] {0, 1, 4, 0, 1, 2}));
        String[] files = {"data.format=idx", "data.train.features=" + images, "data.train.labels=" + train,
            "data.test.features=" + images, "data.test.labels=" + test, "data.batchSize=2"};
        assertEquals(5, spec(files).workload().groups().get(0).flopLayers().get(1).out(), "classes 0..4 of both splits");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec(concat(files, "data.classes=3")));
        assertTrue(e.getMessage().startsWith("data.classes is 3 (3 classes): test: label 4 of example 2"),
                e.getMessage());
    }

    @Test
    void missingFilesAndMismatchedSettingsNameTheirKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> spec("data.format=csv"));
        assertTrue(e.getMessage().contains("data.train.features: format csv needs a file"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> spec("data.format=npy", "data.train.features=x.npy",
                "data.test.features=x.npy", "data.test.labels=y.npy"));
        assertTrue(e.getMessage().contains("data.train.labels: format npy needs a labels file"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> spec("data.format=csv", "data.train.features=a.csv",
                "data.train.labels=b.csv", "data.test.features=a.csv"));
        assertTrue(e.getMessage().contains("a CSV file holds its labels in data.labelColumn"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> spec("data.train.features=a.csv"));
        assertTrue(e.getMessage().contains("format fashion-mnist reads data.dir"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> spec("data.format=parquet"));
        assertTrue(e.getMessage().contains("fashion_mnist, idx, csv, npy"), e.getMessage());
    }

    @Test
    void aCnnNeedsImages() throws Exception {
        Path csv = clusters("train.csv", 9, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec("data.format=csv",
                "data.train.features=" + csv, "data.test.features=" + csv, "model.arch=cnn", "model.channels=[4]"));
        assertTrue(e.getMessage().startsWith("model.arch cnn needs images"), e.getMessage());
    }

    @Test
    void fashionMnistStaysTheDefaultWithItsNameAndImage() throws Exception {
        IdxFiles.writeFashionMnistLike(dir, 32, 16);
        assertEquals(DataFormat.FASHION_MNIST, ClassifyConfig.defaults().data().format());
        RunSpec spec = spec("data.dir=" + dir);
        assertEquals("mlp-fashion-mnist/train", spec.workload().name());
        assertArrayEquals(new int[] {28, 28}, spec.workload().inputImage());
        assertEquals(784, spec.workload().groups().get(0).flopLayers().get(0).in());
        assertEquals(10, spec.workload().groups().get(0).flopLayers().get(1).out());
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
