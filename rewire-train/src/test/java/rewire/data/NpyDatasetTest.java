package rewire.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.tensor.Shape;

/** NumPy .npy pairs of features and labels, written here as numpy.save writes them. */
class NpyDatasetTest {
    @TempDir
    Path dir;

    private Path labels(long... values) throws Exception {
        return NpyFiles.write(dir.resolve("y.npy"), "<i8", false, "(" + values.length + ",)", NpyFiles.int64(values));
    }

    @Test
    void float32VectorsKeepTheirValuesAndTheClassesAreTheLargestLabelPlusOne() throws Exception {
        Path x = NpyFiles.write(dir.resolve("x.npy"), "<f4", false, "(3, 2)", NpyFiles.float32(1, 2, 3, 4, 5, 6.5f));
        Dataset d = NpyDataset.read("train", x, labels(0, 4, 1));
        assertEquals(Shape.of(2), d.exampleShape());
        assertArrayEquals(new float[] {5, 6.5f}, d.example(2));
        assertEquals(5, d.classes());
        assertEquals(4, d.label(1));
    }

    @Test
    void bigEndianFloat64IsRoundedToFloat32AndThreeDimensionsAreOneChannelImages() throws Exception {
        Path x = NpyFiles.write(dir.resolve("x.npy"), ">f8", false, "(1, 2, 2)",
                NpyFiles.float64(ByteOrder.BIG_ENDIAN, 0.1, 0.2, 0.3, 0.4));
        Dataset d = NpyDataset.read("train", x, labels(0));
        assertEquals(Shape.of(1, 2, 2), d.exampleShape());
        assertEquals((float) 0.3, d.feature(0, 2));
    }

    @Test
    void uint8ArraysArePixelsScaledToOne() throws Exception {
        Path x = NpyFiles.write(dir.resolve("x.npy"), "|u1", false, "(2, 2)", new byte[] {0, (byte) 255, 51, 102});
        Dataset d = NpyDataset.read("train", x, labels(1, 0));
        assertArrayEquals(new float[] {0.2f, 0.4f}, d.example(1));
        assertEquals(1f, d.feature(0, 1));
    }

    @Test
    void unsupportedDtypeFortranOrderAndBadLabelsNameTheFile() throws Exception {
        Path complex = NpyFiles.write(dir.resolve("c.npy"), "<c8", false, "(1, 1)", new byte[8]);
        DataFileException e = assertThrows(DataFileException.class, () -> NpyDataset.read("t", complex, labels(0)));
        assertTrue(e.getMessage().startsWith(complex + ": features of dtype '<c8'"), e.getMessage());

        Path fortran = NpyFiles.write(dir.resolve("f.npy"), "<f4", true, "(2, 1)", NpyFiles.float32(1, 2));
        e = assertThrows(DataFileException.class, () -> NpyDataset.read("t", fortran, labels(0, 1)));
        assertTrue(e.getMessage().startsWith(fortran + ": fortran_order is True"), e.getMessage());

        Path x = NpyFiles.write(dir.resolve("x.npy"), "<f4", false, "(2, 1)", NpyFiles.float32(1, 2));
        e = assertThrows(DataFileException.class, () -> NpyDataset.read("t", x, labels(0, -3)));
        assertTrue(e.getMessage().startsWith(dir.resolve("y.npy") + ": label -3 of example 1"), e.getMessage());

        e = assertThrows(DataFileException.class, () -> NpyDataset.read("t", x, labels(0, 1, 2)));
        assertTrue(e.getMessage().contains("3 labels, but " + x + " holds 2 examples"), e.getMessage());

        Path floatLabels = NpyFiles.write(dir.resolve("fy.npy"), "<f4", false, "(2,)", NpyFiles.float32(0, 1));
        e = assertThrows(DataFileException.class, () -> NpyDataset.read("t", x, floatLabels));
        assertTrue(e.getMessage().startsWith(floatLabels + ": labels of dtype '<f4'"), e.getMessage());
    }

    @Test
    void aTruncatedOrForeignFileIsNamed() throws Exception {
        Path x = NpyFiles.write(dir.resolve("x.npy"), "<f4", false, "(2, 2)", NpyFiles.float32(1, 2, 3));
        DataFileException e = assertThrows(DataFileException.class, () -> NpyDataset.read("t", x, labels(0, 1)));
        assertTrue(e.getMessage().contains("needs 16 data bytes, the file has 12"), e.getMessage());
        Path text = java.nio.file.Files.writeString(dir.resolve("t.npy"), "label,x\n0,1\n");
        e = assertThrows(DataFileException.class, () -> NpyDataset.read("t", text, labels(0)));
        assertTrue(e.getMessage().startsWith(text + ": not a NumPy .npy file"), e.getMessage());
    }
}
