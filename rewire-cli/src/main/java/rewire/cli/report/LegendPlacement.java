package rewire.cli.report;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * Where a line chart's legend goes so that it never clips or covers the lines: in one row under
 * the plot while every entry fits the width (a loss curve's two splits), else in a column right of
 * the plot (a GPT's sixteen layers in the density plot), the image widened by the column so the
 * plot keeps its width, and made taller when the column is taller than the plot.
 */
final class LegendPlacement {
    /** Room above and below the plot (title, tick labels, axis title, padding) that a side legend may not use. */
    private static final int OUTSIDE_PLOT = 80;
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, false);

    private LegendPlacement() {
    }

    /** Sets the legend's position and layout on {@code chart}; returns the image size that holds it. */
    static Dimension place(XYChart chart, int width, int height) {
        XYStyler s = chart.getStyler();
        Font font = s.getLegendFont();
        int pad = s.getLegendPadding();
        double entryGraphic = s.getLegendSeriesLineLength() + pad;
        double rowWidth = pad;
        double widestLabel = 0;
        for (XYSeries series : chart.getSeriesCollection()) {
            double label = font.getStringBounds(series.getName(), TEXT).getWidth();
            rowWidth += entryGraphic + label + pad;
            widestLabel = Math.max(widestLabel, label);
        }
        if (rowWidth <= width - 2 * s.getChartPadding()) {
            s.setLegendPosition(Styler.LegendPosition.OutsideS);
            s.setLegendLayout(Styler.LegendLayout.Horizontal);
            return new Dimension(width, height);
        }
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        double entryHeight = Math.max(font.getLineMetrics("Hg", TEXT).getHeight(), s.getMarkerSize()) + pad;
        double column = entryGraphic + widestLabel + 2 * pad;
        double columnHeight = chart.getSeriesCollection().size() * entryHeight + pad;
        return new Dimension(width + (int) Math.ceil(column) + s.getChartPadding(),
                Math.max(height, (int) Math.ceil(columnHeight) + 2 * OUTSIDE_PLOT));
    }
}
