package rewire.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import rewire.run.RunRecord;

/**
 * The first sparse layer's outgoing connections per input pixel as a heat map in the input's
 * own layout (28 × 28 for Fashion-MNIST), drawn with java.awt: DST typically keeps the centre of
 * the image and drops the empty border, which this makes visible at a glance.
 */
final class ConnectivityPlot {
    static final String FILE_NAME = "connectivity.png";
    private static final String CAPTION = "How many connections the first sparse layer keeps from each input "
            + "pixel at the end of training; dark pixels were dropped.";

    static final int GRID = 448;
    static final int LEFT = 70;
    static final int TOP = 78;
    private static final int BAR_GAP = 28;
    private static final int BAR_WIDTH = 22;
    private static final int RIGHT = 96;
    private static final int BOTTOM = 60;
    /** Anchors of the viridis colour map (van der Walt and Smith, 2015), low to high. */
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
        new Color(0x5EC962), new Color(0xFDE725)};

    private ConnectivityPlot() {
    }

    /** The heat map, or empty when run.json has no connectivity. */
    static Optional<Plot> render(RunData run) throws IOException {
        RunRecord.Connectivity c = run.record().connectivity();
        if (c == null) {
            return Optional.empty();
        }
        Headless.ensure();
        String title = "First-layer connectivity" + (c.layer().isEmpty() ? "" : " (" + c.layer() + ")");
        BufferedImage image = draw(c, title);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return Optional.of(new Plot(FILE_NAME, title, CAPTION, png.toByteArray()));
    }

    private static BufferedImage draw(RunRecord.Connectivity c, String title) {
        int cell = Math.max(1, GRID / Math.max(c.rows(), c.cols()));
        int width = LEFT + cell * c.cols() + BAR_GAP + BAR_WIDTH + RIGHT;
        int height = TOP + cell * c.rows() + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawTitles(g, c, title, width);
            drawCells(g, c, cell);
            drawAxes(g, c, cell);
            drawColorBar(g, c.max(), LEFT + cell * c.cols() + BAR_GAP, cell * c.rows());
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawTitles(Graphics2D g, RunRecord.Connectivity c, String title, int width) {
        long none = c.counts().stream().filter(n -> n == 0).count();
        String subtitle = String.format("outgoing connections per input pixel; %s of %s pixels have none",
                Formats.count(none), Formats.count(c.counts().size()));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        centered(g, title, width / 2, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        centered(g, subtitle, width / 2, 52);
    }

    private static void drawCells(Graphics2D g, RunRecord.Connectivity c, int cell) {
        double max = Math.max(1, c.max());
        for (int r = 0; r < c.rows(); r++) {
            for (int col = 0; col < c.cols(); col++) {
                g.setColor(viridis(c.count(r, col) / max));
                g.fillRect(LEFT + col * cell, TOP + r * cell, cell, cell);
            }
        }
    }

    // Ticks at every 7th pixel (and the last) on both axes, with captions.
    private static void drawAxes(Graphics2D g, RunRecord.Connectivity c, int cell) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int step = Math.max(1, Math.max(c.rows(), c.cols()) / 4);
        int gridBottom = TOP + cell * c.rows();
        for (int col = 0; col < c.cols(); col += step) {
            centered(g, Integer.toString(col), LEFT + col * cell + cell / 2, gridBottom + 16);
        }
        for (int r = 0; r < c.rows(); r += step) {
            rightAligned(g, Integer.toString(r), LEFT - 6, TOP + r * cell + cell / 2 + 4);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centered(g, "pixel column", LEFT + cell * c.cols() / 2, gridBottom + 40);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        centered(g, "pixel row", -(TOP + cell * c.rows() / 2), LEFT - 36);
        g.setTransform(saved);
    }

    private static void drawColorBar(Graphics2D g, long max, int x, int barHeight) {
        for (int i = 0; i < barHeight; i++) {
            g.setColor(viridis(1 - (double) i / (barHeight - 1)));
            g.fillRect(x, TOP + i, BAR_WIDTH, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, TOP, BAR_WIDTH, barHeight - 1);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        long tick = niceStep(max);
        for (long value = 0; value <= max; value += tick) {
            int y = TOP + (int) Math.round((1 - (double) value / Math.max(1, max)) * (barHeight - 1));
            g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 4, y);
            g.drawString(Formats.count(value), x + BAR_WIDTH + 7, y + 4);
        }
        AffineTransform saved = g.getTransform();
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centered(g, "connections", TOP + barHeight / 2, -(x + BAR_WIDTH + 62));
        g.setTransform(saved);
    }

    /** A tick spacing of 1, 2 or 5 times a power of ten that gives at most five intervals up to {@code max}. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (max / (m * step) <= 5) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    /** The viridis colour at {@code t} in [0, 1], linearly interpolated between anchors. */
    static Color viridis(double t) {
        double pos = Math.clamp(t, 0, 1) * (VIRIDIS.length - 1);
        int i = Math.min((int) pos, VIRIDIS.length - 2);
        double f = pos - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static void centered(Graphics2D g, String text, int centerX, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, centerX - fm.stringWidth(text) / 2, baseline);
    }

    private static void rightAligned(Graphics2D g, String text, int right, int baseline) {
        g.drawString(text, right - g.getFontMetrics().stringWidth(text), baseline);
    }
}
