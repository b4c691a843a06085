package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * A legend never runs off the image: a chart's margin (the chart padding around everything drawn)
 * stays blank on all four edges, whether the legend holds two entries or forty long layer names.
 */
class LegendPlacementTest {
    private static final int WHITE = 0xFFFFFF;

    private static BufferedImage render(int series, String namePattern) throws IOException {
        XYChart chart = ChartStyle.lineChart("Density per layer", "step", "density (%)");
        for (int i = 0; i < series; i++) {
            ChartStyle.addLine(chart, namePattern.formatted(i), new double[] {0, 10, 20},
                    new double[] {100, 50 - i, 10 + i});
        }
        return ImageIO.read(new ByteArrayInputStream(ChartStyle.png(chart)));
    }

    @Test
    void aFewEntriesStayInOneRowUnderTheStandardSizeChart() throws IOException {
        BufferedImage image = render(2, "split %d");
        assertEquals(ChartStyle.WIDTH, image.getWidth());
        assertEquals(ChartStyle.HEIGHT, image.getHeight());
        assertBlankEdges(image);
    }

    @Test
    void sixteenGptLayersGoInAColumnBesideAWiderChart() throws IOException {
        BufferedImage image = render(16, "h%d.attn.proj.weight");
        assertBlankEdges(image);
        assertTrue(image.getWidth() > ChartStyle.WIDTH, "widened for the column: " + image.getWidth());
    }

    @Test
    void fortyLayersMakeTheChartTaller() throws IOException {
        BufferedImage image = render(40, "h%d.mlp.proj.weight");
        assertBlankEdges(image);
        assertTrue(image.getHeight() > ChartStyle.HEIGHT, "heightened for the column: " + image.getHeight());
    }

    // nothing drawn in the outermost 4 pixels: a clipped legend would run into an edge
    private static void assertBlankEdges(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        for (int d = 0; d < 4; d++) {
            for (int x = 0; x < w; x++) {
                assertBlank(image, x, d);
                assertBlank(image, x, h - 1 - d);
            }
            for (int y = 0; y < h; y++) {
                assertBlank(image, d, y);
                assertBlank(image, w - 1 - d, y);
            }
        }
    }

    private static void assertBlank(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        assertEquals(WHITE, rgb, () -> String.format("pixel (%d, %d) of a %dx%d chart is %06X, not blank", x, y,
                image.getWidth(), image.getHeight(), rgb));
    }
}
