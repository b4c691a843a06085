package rewire.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.tensor.Shape;

/** Any IDX pair of images and labels, gzipped or not, with the classes its labels name. */
class IdxDatasetTest {
    @TempDir
    Path dir;

    @Test
    void anyImageSizeAndTheClassesFromTheLabels() throws Exception {
        Path images = IdxFiles.write(dir.resolve("x.gz"), IdxFiles.gzip(IdxFiles.images(4, 5)));
        Path labels = IdxFiles.write(dir.resolve("y"), IdxFiles.idx(new int[] {4}, new byte[] {0, 6, 2, 1}));
        Dataset d = IdxDataset.read("train", images, labels);
        assertEquals(Shape.of(1, 5, 5), d.exampleShape());
        assertEquals(7, d.classes());
        assertEquals(6, d.label(1));
        assertEquals(31 / 255f, d.feature(1, 0));
    }

    @Test
    void aCountMismatchNamesTheLabelsFile() throws Exception {
        Path images = IdxFiles.write(dir.resolve("x"), IdxFiles.images(4, 5));
        Path labels = IdxFiles.write(dir.resolve("y"), IdxFiles.labels(3));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxDataset.read("t", images, labels));
        assertTrue(e.getMessage().startsWith(labels + ": labels/images count mismatch"), e.getMessage());
    }
}
