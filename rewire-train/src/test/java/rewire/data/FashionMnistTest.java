package rewire.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.tensor.Shape;

class FashionMnistTest {
    @TempDir
    Path dir;

    @Test
    void loadsTinyCopyMixingGzippedAndPlainFiles() throws IOException {
        writeTiny(dir, 28);
        Split split = FashionMnist.load(dir);
        assertEquals(5, split.train().size());
        assertEquals(3, split.test().size());
        assertEquals(Shape.of(1, 28, 28), split.train().exampleShape());
        assertEquals(10, split.train().classes());
        assertEquals(3, split.train().label(3));
        // pixel p of image i is (i * 31 + p) mod 256, scaled to [0, 1]
        assertEquals(((2 * 31 + 100) & 0xFF) / 255f, split.train().feature(2, 100));
    }

    @Test
    void missingDatasetGivesInstallCommandAndPathsLookedAt() throws IOException {
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFiles.gzip(IdxFiles.images(1, 28)));
        MissingDatasetException e = assertThrows(MissingDatasetException.class, () -> FashionMnist.load(dir));
        String message = e.getMessage();
        assertTrue(message.contains("sudo apt-get install -y dataset-fashion-mnist"), message);
        assertTrue(message.contains("train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"), message);
        assertTrue(message.contains(dir.resolve("t10k-labels-idx1-ubyte.gz").toString())
                && message.contains(dir.resolve("t10k-labels-idx1-ubyte").toString()), message);
        assertTrue(!message.contains("missing train-images"), message);
    }

    @Test
    void wrongImageSizeNamesFile() throws IOException {
        writeTiny(dir, 32);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte")
                && e.getMessage().contains("wrong dims") && e.getMessage().contains("32x32"), e.getMessage());
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        writeTiny(dir, 28);
        Path labels = IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(4));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir));
        assertEquals(labels, e.file());
        assertTrue(e.getMessage().contains("labels/images count mismatch: 4 labels")
                && e.getMessage().contains("t10k-images-idx3-ubyte holds 3 images"), e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesFileAndExample() throws IOException {
        writeTiny(dir, 28);
        byte[] bad = IdxFiles.labels(5);
        bad[bad.length - 1] = 10;
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.gzip(bad));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz: label 10 of example 4"), e.getMessage());
    }

    @Test
    void readsTheRealDatasetWhenInstalled() throws IOException {
        assumeTrue(FashionMnist.isPresent(FashionMnist.DEFAULT_DIR), "Fashion-MNIST is not installed in "
                + FashionMnist.DEFAULT_DIR + "; install it with: " + FashionMnist.INSTALL_COMMAND);
        Split split = FashionMnist.load();
        assertEquals(60_000, split.train().size());
        assertEquals(10_000, split.test().size());
        assertEquals(Shape.of(1, 28, 28), split.test().exampleShape());
        for (Dataset d : new Dataset[] {split.train(), split.test()}) {
            int[] perClass = new int[10];
            for (int i = 0; i < d.size(); i++) {
                perClass[d.label(i)]++;
            }
            for (int count : perClass) {
                assertEquals(d.size() / 10, count, "Fashion-MNIST is balanced: " + d.name());
            }
        }
        Standardization s = Standardization.fit(split.train(), Standardization.Mode.GLOBAL);
        assertEquals(0.2860, s.mean()[0], 1e-3, "published mean of the training pixels");
        assertEquals(0.3530, s.std()[0], 1e-3, "published std of the training pixels");
    }

    /** Train: 5 images, gzipped; test: 3 images, plain files. */
    static void writeTiny(Path dir, int side) throws IOException {
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFiles.gzip(IdxFiles.images(5, side)));
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(5)));
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(3, side));
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(3));
    }
}
