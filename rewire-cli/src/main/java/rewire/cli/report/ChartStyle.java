package rewire.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The one look every line chart of a report shares: size, fonts, colours, grid, legend. */
final class ChartStyle {
    static final int WIDTH = 900;
    static final int HEIGHT = 480;
    /** Colour-blind-safe series colours (Okabe and Ito, 2008). */
    static final Color[] SERIES = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    /** Line patterns by series, so a series drawn over an identical one still shows through. */
    private static final BasicStroke[] LINES = {new BasicStroke(2f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 4f}, 0f),
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {12f, 4f, 3f, 4f}, 0f)};
    /** Above this many points a series is drawn without markers. */
    private static final int MARKER_LIMIT = 60;

    private ChartStyle() {
    }

    /** An empty line chart with the report's look. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        Headless.ensure();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xBBBBBB));
        s.setPlotGridLinesColor(new Color(0xE4E4E4));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendBorderColor(new Color(0xBBBBBB));
        s.setSeriesColors(SERIES);
        s.setMarkerSize(6);
        s.setChartPadding(12);
        s.setXAxisTickLabelsFormattingFunction(Formats::siTick);
        s.setYAxisTickLabelsFormattingFunction(Formats::number);
        return chart;
    }

    /** Adds a line series; short series keep the theme's per-series markers so single points show. */
    static XYSeries addLine(XYChart chart, String name, double[] x, double[] y) {
        int index = chart.getSeriesCollection().size();
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineStyle(line(index));
        if (x.length > MARKER_LIMIT) {
            series.setMarker(SeriesMarkers.NONE);
        }
        return series;
    }

    /** Adds a line series with an error bar of {@code ±error[i]} at each point (a band of spread around a mean). */
    static XYSeries addLine(XYChart chart, String name, double[] x, double[] y, double[] error) {
        int index = chart.getSeriesCollection().size();
        XYSeries series = chart.addSeries(name, x, y, error);
        series.setLineStyle(line(index));
        return series;
    }

    /**
     * Adds points that belong to the line at {@code lineIndex} but must not be joined to it: crosses
     * in that line's colour, no line. Call after every line, so the lines keep their colours.
     */
    static XYSeries addApart(XYChart chart, String name, double[] x, double[] y, int lineIndex) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CROSS);
        series.setMarkerColor(SERIES[lineIndex % SERIES.length]);
        return series;
    }

    // the pattern of the series at index: patterns cycle with the series, shifted once per round of
    // colours, so that series 9 (blue again) is dashed where series 1 was solid
    private static BasicStroke line(int index) {
        return LINES[(index + index / SERIES.length) % LINES.length];
    }

    /** The chart as PNG bytes, its legend placed by {@link LegendPlacement} (the image grows for a long one). */
    static byte[] png(XYChart chart) throws IOException {
        Dimension size = LegendPlacement.place(chart, WIDTH, HEIGHT);
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, size.width, size.height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
