package rewire.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * A line chart drawn from a table of points in the report's look: one line per series, in the order
 * the series first appear, each point with an optional error bar. For results across runs (a score
 * against density, one line per method), which scripts tabulate and no single run holds.
 *
 * <p>The table is tab-separated text with a header line; its columns are {@code series}, {@code x},
 * {@code y} and optionally {@code error}, the half-width of the bar at the point (a confidence
 * interval's ±). Blank lines and lines starting with {@code #} are skipped.
 */
public final class TablePlot {
    private static final List<String> COLUMNS = List.of("series", "x", "y", "error");

    /** One point of a series; {@code error} is 0 when the table has none. */
    public record Point(String series, double x, double y, double error) {
    }

    /** The axes and title of a chart. */
    public record Axes(String title, String xTitle, String yTitle, boolean logX) {
    }

    private TablePlot() {
    }

    /** The points of the table at {@code file}; a malformed line is a {@link RunFormatException} naming it. */
    public static List<Point> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = lines.isEmpty() ? List.of() : List.of(lines.get(0).strip().split("\t"));
        if (header.size() < 3 || header.size() > 4 || !header.equals(COLUMNS.subList(0, header.size()))) {
            throw new RunFormatException(file, 1, "the header must be the tab-separated columns "
                    + "series, x, y and optionally error; found " + header);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != header.size()) {
                throw new RunFormatException(file, i + 1, "expected " + header.size() + " tab-separated cells, found "
                        + cells.length);
            }
            points.add(new Point(cells[0], number(file, i + 1, "x", cells[1]), number(file, i + 1, "y", cells[2]),
                    cells.length == 4 ? number(file, i + 1, "error", cells[3]) : 0));
        }
        if (points.isEmpty()) {
            throw new RunFormatException(file, "no points");
        }
        return points;
    }

    private static double number(Path file, int line, String column, String cell) throws RunFormatException {
        try {
            double v = Double.parseDouble(cell.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the column's name
        }
        throw new RunFormatException(file, line, "column " + column + " is not a finite number: '" + cell + "'");
    }

    /**
     * The chart as PNG bytes. A series' points are drawn in order of x; with {@code logX} every x
     * must be above 0.
     */
    public static byte[] png(Axes axes, List<Point> points) throws IOException {
        if (axes.logX()) {
            points.stream().filter(p -> p.x() <= 0).findFirst().ifPresent(p -> {
                throw new IllegalArgumentException("a logarithmic x axis needs every x above 0; series '"
                        + p.series() + "' has x = " + p.x());
            });
        }
        Map<String, List<Point>> series = new LinkedHashMap<>();
        points.forEach(p -> series.computeIfAbsent(p.series(), s -> new ArrayList<>()).add(p));
        XYChart chart = ChartStyle.lineChart(axes.title(), axes.xTitle(), axes.yTitle());
        chart.getStyler().setXAxisLogarithmic(axes.logX());
        if (axes.logX()) {
            chart.getStyler().setXAxisTickLabelsFormattingFunction(Formats::number);
        }
        boolean bars = points.stream().anyMatch(p -> p.error() != 0);
        series.forEach((name, list) -> {
            List<Point> sorted = list.stream().sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
            double[] x = sorted.stream().mapToDouble(Point::x).toArray();
            double[] y = sorted.stream().mapToDouble(Point::y).toArray();
            if (bars) {
                ChartStyle.addLine(chart, name, x, y, sorted.stream().mapToDouble(Point::error).toArray());
            } else {
                ChartStyle.addLine(chart, name, x, y);
            }
        });
        return ChartStyle.png(chart);
    }
}
