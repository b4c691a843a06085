package rewire.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.cli.report.TablePlot;
import rewire.io.AtomicFile;

/**
 * {@code rewire plot TABLE --out PNG}: a line chart of a table of points across runs (a score against
 * density per method, from a results script), in the look of the run reports' charts.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a line chart (PNG) from a tab-separated table with the header 'series x y' and "
                + "optionally 'error' (the half-width of an error bar): one line per series, in the order they first "
                + "appear. For results across runs, such as a score against density per method.")
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TABLE", description = "The tab-separated table of points.")
    Path table;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PNG", description = "Where to write the chart.")
    Path out;

    @Option(names = "--title", defaultValue = "", description = "The chart's title.")
    String title;

    @Option(names = "--x-label", defaultValue = "x", description = "The x axis title (default: ${DEFAULT-VALUE}).")
    String xLabel;

    @Option(names = "--y-label", defaultValue = "y", description = "The y axis title (default: ${DEFAULT-VALUE}).")
    String yLabel;

    @Option(names = "--log-x", description = "A logarithmic x axis (every x must be above 0).")
    boolean logX;

    @Override
    public Integer call() throws Exception {
        List<TablePlot.Point> points = TablePlot.read(table);
        byte[] png = TablePlot.png(new TablePlot.Axes(title, xLabel, yLabel, logX), points);
        AtomicFile.write(out, stream -> stream.write(png));
        spec.commandLine().getOut().println("wrote " + out + " (" + points.stream().map(TablePlot.Point::series)
                .distinct().count() + " series, " + points.size() + " points)");
        return 0;
    }
}
