package rewire.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.tensor.Shape;

/** CSV files of labelled feature vectors: header detection, the label column, errors that name the line. */
class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    @Test
    void aHeaderIsSkippedAndTheLabelColumnIsTakenOutOfTheFeatures() throws Exception {
        Path file = csv("a, label, b\n1.5, 2, -3\n\n4, 0, 5e-1\n");
        Dataset d = CsvDataset.read("train", file, 1);
        assertEquals(2, d.size());
        assertEquals(Shape.of(2), d.exampleShape());
        assertArrayEquals(new float[] {1.5f, -3f}, d.example(0));
        assertArrayEquals(new float[] {4f, 0.5f}, d.example(1));
        assertEquals(2, d.label(0));
        assertEquals(3, d.classes(), "the largest label plus one");
    }

    @Test
    void withoutAHeaderTheLastColumnCanHoldTheLabels() throws Exception {
        Dataset d = CsvDataset.read("train", csv("0.5,1\n\"0.25\",0\n"), CsvDataset.LAST_COLUMN);
        assertArrayEquals(new float[] {0.25f}, d.example(1));
        assertEquals(1, d.label(0));
        assertEquals(2, d.size());
    }

    @Test
    void aLineWithTheWrongNumberOfColumnsIsNamed() throws Exception {
        Path file = csv("label,x,y\n0,1,2\n1,2\n");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvDataset.read("t", file, 0));
        assertEquals(file + ": line 3: 2 columns, expected 3 as on line 1", e.getMessage());
    }

    @Test
    void badFeaturesAndLabelsNameLineAndColumn() throws Exception {
        Path text = csv("0,1\n1,abc");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvDataset.read("t", text, 0));
        assertEquals(text + ": line 2, column 1: 'abc' is not a finite number", e.getMessage());
        Path negative = csv("0,1\n-1,2\n");
        e = assertThrows(DataFileException.class, () -> CsvDataset.read("t", negative, 0));
        assertEquals(negative + ": line 2, column 0: label '-1' is not a class number (an integer from 0)", e.getMessage());
        Path fraction = csv("0.5,1\n");
        e = assertThrows(DataFileException.class, () -> CsvDataset.read("t", fraction, 0));
        assertTrue(e.getMessage().contains("label '0.5' is not a class number"), e.getMessage());
        Path oneColumn = csv("0\n1\n");
        e = assertThrows(DataFileException.class, () -> CsvDataset.read("t", oneColumn, 0));
        assertTrue(e.getMessage().contains("at least one feature column"), e.getMessage());
        Path headerOnly = csv("label,x\n");
        e = assertThrows(DataFileException.class, () -> CsvDataset.read("t", headerOnly, 0));
        assertEquals(headerOnly + ": no examples", e.getMessage());
    }
}
