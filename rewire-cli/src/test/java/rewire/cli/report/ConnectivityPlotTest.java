package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectivityPlotTest {
    @TempDir
    Path dir;

    @Test
    void eachPixelIsColouredByItsCount() throws IOException {
        // 4 x 4 input: pixel (1, 2) keeps the most connections, pixel (3, 0) none.
        long[] counts = new long[16];
        Arrays.fill(counts, 5);
        counts[1 * 4 + 2] = 40;
        counts[3 * 4 + 0] = 0;
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"c\", \"status\": \"finished\", \"connectivity\": {\"layer\": \"fc1\", \"shape\": [4, 4], "
                + "\"counts\": " + Arrays.toString(counts) + "}}");
        Plot plot = ConnectivityPlot.render(RunReader.read(dir)).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(plot.png()));
        int cell = ConnectivityPlot.GRID / 4;
        assertEquals(ConnectivityPlot.viridis(1).getRGB(), pixelOfCell(image, cell, 1, 2).getRGB());
        assertEquals(ConnectivityPlot.viridis(0).getRGB(), pixelOfCell(image, cell, 3, 0).getRGB());
        assertEquals(ConnectivityPlot.viridis(5 / 40.0).getRGB(), pixelOfCell(image, cell, 0, 0).getRGB());
    }

    @Test
    void viridisRunsFromPurpleToYellow() {
        assertEquals(new Color(0x440154), ConnectivityPlot.viridis(0));
        assertEquals(new Color(0xFDE725), ConnectivityPlot.viridis(1));
        assertEquals(new Color(0x21918C), ConnectivityPlot.viridis(0.5));
        assertTrue(ConnectivityPlot.viridis(-1).equals(ConnectivityPlot.viridis(0)), "clamped below");
    }

    @Test
    void colourBarTicksAreRoundNumbers() {
        assertEquals(1, ConnectivityPlot.niceStep(3));
        assertEquals(20, ConnectivityPlot.niceStep(115));
        assertEquals(200, ConnectivityPlot.niceStep(1000));
        assertEquals(1, ConnectivityPlot.niceStep(0));
    }

    private static Color pixelOfCell(BufferedImage image, int cell, int row, int col) {
        return new Color(image.getRGB(ConnectivityPlot.LEFT + col * cell + cell / 2,
                ConnectivityPlot.TOP + row * cell + cell / 2));
    }
}
