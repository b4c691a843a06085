package rewire.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import rewire.tensor.Shape;

/**
 * A labelled dataset from a CSV file (RFC 4180, read by Apache Commons CSV): one example per
 * line, one column of class labels (integers from 0) and numeric feature columns, all the others.
 * A first line with a field that is not a number is a header and is skipped; empty lines are
 * skipped. Examples are flat vectors, shape {@code (features)}; the classes are the largest label
 * plus one.
 *
 * <pre>
 * label,sepal_length,sepal_width        labelColumn 0
 * 0,5.1,3.5
 * 2,6.3,2.9
 * </pre>
 *
 * <p>Every defect is a {@link DataFileException} naming the file and the line: a line whose
 * number of columns differs from the first line's, a feature that is not a finite number, a label
 * that is not an integer from 0.
 */
public final class CsvDataset {
    /** The label column given as {@code -1}: the last one. */
    public static final int LAST_COLUMN = -1;
    /** The label column given as {@code -2}: none, every column is a feature (inputs to predict). */
    public static final int NO_LABELS = -2;

    private CsvDataset() {
    }

    /**
     * Reads {@code file}, whose column {@code labelColumn} (0-based, or {@link #LAST_COLUMN})
     * holds the labels; with {@link #NO_LABELS} every column is a feature and every label is 0.
     *
     * @throws DataFileException naming the line and field of the first defect
     * @throws IOException when the file cannot be read
     */
    public static Dataset read(String name, Path file, int labelColumn) throws IOException {
        if (labelColumn < NO_LABELS) {
            throw new IllegalArgumentException("label column must be 0 or more, -1 for the last one or -2 for none, got "
                    + labelColumn);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(in, format)) {
            Rows rows = new Rows(file, labelColumn);
            for (CSVRecord record : parser) {
                rows.add(record.toList(), parser.getCurrentLineNumber());
            }
            return rows.dataset(name);
        } catch (UncheckedIOException e) {  // Commons CSV's iterator wraps a malformed quote this way
            throw new DataFileException(file, "not valid CSV: " + e.getCause().getMessage());
        }
    }

    // The lines read so far: labels and example-major features, growing.
    private static final class Rows {
        private final Path file;
        private final int labelColumn;
        private int columns = -1;
        private long firstLine;
        private int[] labels = new int[64];
        private float[] x = new float[0];
        private int n;

        Rows(Path file, int labelColumn) {
            this.file = file;
            this.labelColumn = labelColumn;
        }

        void add(List<String> fields, long line) throws DataFileException {
            if (columns < 0) {
                start(fields, line);
                if (!fields.stream().allMatch(Rows::isNumber)) {
                    return;  // the header
                }
            }
            if (fields.size() != columns) {
                throw new DataFileException(file, "line " + line + ": " + fields.size() + " columns, expected "
                        + columns + " as on line " + firstLine);
            }
            int label = labelColumn == LAST_COLUMN ? columns - 1 : labelColumn;  // -2: no column is the label
            int features = features();
            if (n == labels.length) {
                labels = Arrays.copyOf(labels, 2 * n);
            }
            if ((long) (n + 1) * features > x.length) {
                x = Arrays.copyOf(x, (int) Math.min(Integer.MAX_VALUE - 8, 2L * Math.max(x.length, features)));
            }
            labels[n] = label < 0 ? 0 : label(fields.get(label), line, label);
            int at = n * features;
            for (int c = 0; c < columns; c++) {
                if (c != label) {
                    x[at++] = feature(fields.get(c), line, c);
                }
            }
            n++;
        }

        private void start(List<String> fields, long line) throws DataFileException {
            columns = fields.size();
            firstLine = line;
            if (labelColumn == NO_LABELS) {
                return;  // any number of feature columns
            }
            if (columns < 2 || labelColumn >= columns) {
                throw new DataFileException(file, "line " + line + ": " + columns + " columns; need a label column"
                        + " (data.labelColumn " + labelColumn + ") and at least one feature column");
            }
        }

        private int label(String text, long line, int column) throws DataFileException {
            try {
                int label = Integer.parseInt(text);
                if (label >= 0) {
                    return label;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new DataFileException(file, "line " + line + ", column " + column + ": label '" + text
                    + "' is not a class number (an integer from 0)");
        }

        private float feature(String text, long line, int column) throws DataFileException {
            float value;
            try {
                value = Float.parseFloat(text);
            } catch (NumberFormatException e) {
                value = Float.NaN;
            }
            if (!Float.isFinite(value)) {
                throw new DataFileException(file, "line " + line + ", column " + column + ": '" + text
                        + "' is not a finite number");
            }
            return value;
        }

        private int features() {
            return labelColumn == NO_LABELS ? columns : columns - 1;
        }

        private static boolean isNumber(String text) {
            try {
                Double.parseDouble(text);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        Dataset dataset(String name) throws DataFileException {
            if (n == 0) {
                throw new DataFileException(file, "no examples");
            }
            int features = features();
            int[] y = Arrays.copyOf(labels, n);
            return Dataset.of(name, Shape.of(features), Arrays.copyOf(x, n * features), y, Dataset.classesOf(y));
        }
    }
}
