package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path table(String text) throws IOException {
        return Files.writeString(dir.resolve("points.tsv"), text);
    }

    @Test
    void drawsOneLinePerSeriesWithErrorBarsOnALogAxis() throws IOException {
        Path table = table("""
                series\tx\ty\terror
                # magnitude pruning, random growth
                magnitude\t0.01\t84.1\t0.3
                magnitude\t0.1\t88.0\t0.2
                snip\t0.1\t87.5\t0.4

                snip\t0.01\t82.9\t0.5
                """);
        Path png = dir.resolve("out/fw.png");
        Files.createDirectories(png.getParent());
        assertEquals(0, cli.run("plot", table.toString(), "-o", png.toString(), "--log-x", "--title", "t",
                "--x-label", "density", "--y-label", "test accuracy (%)"), cli.err());
        assertTrue(cli.out().contains("(2 series, 4 points)"), cli.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 900 && image.getHeight() >= 480, image.getWidth() + "x" + image.getHeight());
        assertFalse(Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .allMatch(rgb -> rgb == 0xFFFFFFFF), "the image is blank");
    }

    @Test
    void aTableWithoutErrorColumnDrawsToo() throws IOException {
        Path png = dir.resolve("plain.png");
        assertEquals(0, cli.run("plot", table("series\tx\ty\na\t1\t2\na\t2\t3\n").toString(), "--out",
                png.toString()), cli.err());
        byte[] signature = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, signature);
    }

    @Test
    void badTablesAreNamedByFileLineAndColumn() throws IOException {
        Path png = dir.resolve("never.png");
        assertEquals(2, cli.run("plot", table("name\tx\ty\n").toString(), "-o", png.toString()));
        assertTrue(cli.err().contains("points.tsv line 1: the header must be"), cli.err());
        assertEquals(2, cli.run("plot", table("series\tx\ty\na\t1\tNaN\n").toString(), "-o", png.toString()));
        assertTrue(cli.err().contains("points.tsv line 2: column y is not a finite number: 'NaN'"), cli.err());
        assertEquals(2, cli.run("plot", table("series\tx\ty\na\t1\n").toString(), "-o", png.toString()));
        assertTrue(cli.err().contains("line 2: expected 3 tab-separated cells, found 2"), cli.err());
        assertEquals(2, cli.run("plot", table("series\tx\ty\na\t0\t1\n").toString(), "-o", png.toString(),
                "--log-x"));
        assertTrue(cli.err().contains("series 'a' has x = 0.0"), cli.err());
        assertFalse(Files.exists(png), "no chart from a bad table");
    }
}
