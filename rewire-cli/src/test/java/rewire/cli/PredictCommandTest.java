package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.data.NpyFiles;

/** {@code rewire predict} on a tiny trained MLP: its accuracy on the test files is the run's own. */
class PredictCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path trainedRun() throws IOException {
        assertEquals(0, cli.run(CliRun.trainOnTinyData(dir, 256, 64, List.of("train.epochs=2", "model.hidden=[32]",
                "data.batchSize=32", "sparsity.options=[deltaT=4]"))), cli.err());
        return CliRun.onlyRun(dir.resolve("runs"));
    }

    private static double percent(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), pattern + " not in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theTestFilesGetTheRunsOwnAccuracyAndEveryProbabilityIsWritten() throws IOException {
        Path run = trainedRun();
        assertEquals(0, cli.run("eval", run.toString()), cli.err());
        double evaluated = percent(cli.out(), "test accuracy\\s+([0-9.]+)%");
        Path out = dir.resolve("predicted/test.csv");
        assertEquals(0, cli.run("predict", run.toString(), "--input", dir.resolve("data/t10k-images-idx3-ubyte.gz")
                .toString(), "--labels", dir.resolve("data/t10k-labels-idx1-ubyte.gz").toString(), "--batch", "7",
                "--out", out.toString()), cli.err());
        assertEquals(evaluated, percent(cli.out(), "accuracy\\s+([0-9.]+)% against"), 0.01, cli.out());
        assertTrue(cli.out().contains("64 examples"), cli.out());

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(65, lines.size());
        assertEquals("example,predicted,p0,p1,p2,p3,p4,p5,p6,p7,p8,p9", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double sum = 0;
            int best = 2;
            for (int c = 2; c < f.length; c++) {
                sum += Double.parseDouble(f[c]);
                best = Double.parseDouble(f[c]) > Double.parseDouble(f[best]) ? c : best;
            }
            assertEquals(1, sum, 1e-5, line);
            assertEquals(best - 2, Integer.parseInt(f[1]), line);
        }
    }

    @Test
    void examplesOfAnotherShapeAreAnErrorNamingBothShapes() throws IOException {
        Path run = trainedRun();
        Path npy = NpyFiles.write(dir.resolve("wide.npy"), "<f4", false, "(3, 5)", NpyFiles.float32(new float[15]));
        assertEquals(2, cli.run("predict", run.toString(), "--input", npy.toString()));
        assertTrue(cli.err().contains("wide.npy holds examples of shape (5,) (5 features); the model takes (1, 28, 28) (784)"),
                cli.err());
    }

    @Test
    void aCsvOfFlatPixelRowsIsReadAsTheImagesTheModelTakes() throws IOException {
        Path run = trainedRun();
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int f = 0; f < 784; f++) {
                csv.append(f == 0 ? "" : ",").append((row + f) % 7 / 7.0);
            }
            csv.append('\n');
        }
        Path file = Files.writeString(dir.resolve("flat.csv"), csv);
        assertEquals(0, cli.run("predict", run.toString(), "--input", file.toString()), cli.err());
        assertTrue(cli.out().contains("3 examples of") && !cli.out().contains("against the labels"), cli.out());
    }
}
