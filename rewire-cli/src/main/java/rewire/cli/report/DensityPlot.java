package rewire.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import rewire.run.RunRecord;

/**
 * Density of each sparse layer over training, from the layers' initial nnz in run.json (step 0)
 * and rewire.jsonl: flat for SET and RigL, falling for gradual pruning, falling from dense then
 * rising for MST's phases. Layers whose densities agree at every point share one line, so a GPT's
 * identically shaped blocks do not draw sixteen lines over each other behind a legend of sixteen names. The y axis starts at 0 so
 * the changes show in proportion.
 */
final class DensityPlot {
    static final String FILE_NAME = "density.png";
    private static final String CAPTION = "Fraction of each sparse layer's weights that are stored, at the start "
            + "of training (step 0) and after each topology update (rewire.jsonl).";
    private static final String SHARED = " Layers whose densities agree at every point (to within 0.2% of the "
            + "highest density drawn, less than a line's width) share one line, named with braces: "
            + "h{0..3}.mlp.{fc,proj}.weight stands for the fc and proj layers of blocks h0 to h3.";
    /** Longest legend label; a line standing for more layers than fit is named by its first. */
    private static final int LONGEST_LABEL = 40;
    /** Curves closer than this fraction of the highest density drawn are one line. */
    private static final double SAME_LINE = 0.002;

    /**
     * One line of the chart.
     *
     * @param layers the layers it stands for, in file order
     * @param xy     [0] = steps, [1] = density in percent
     */
    record Line(List<String> layers, double[][] xy) {
        /** The layers' brace name, or the first layer and a count when that name would crowd the legend. */
        String label() {
            String braced = BraceNames.join(layers);
            return braced.length() <= LONGEST_LABEL ? braced
                    : layers.get(0) + " and " + (layers.size() - 1) + " more";
        }

        /** Whether the label leaves layers unnamed, which the caption then lists. */
        boolean abridged() {
            return !label().equals(BraceNames.join(layers));
        }
    }

    private DensityPlot() {
    }

    /** The chart, or empty when no topology update carries a density. */
    static Optional<Plot> render(RunData run) throws IOException {
        List<Line> lines = lines(run);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartStyle.lineChart("Density per layer", "step", "density (%)");
        chart.getStyler().setYAxisMin(0.0);
        lines.forEach(line -> ChartStyle.addLine(chart, line.label(), line.xy()[0], line.xy()[1]));
        StringBuilder caption = new StringBuilder(CAPTION);
        if (lines.stream().anyMatch(line -> line.layers().size() > 1)) {
            caption.append(SHARED);
        }
        lines.stream().filter(Line::abridged).forEach(line -> caption.append(' ').append(line.label()).append(": ")
                .append(String.join(", ", line.layers())).append('.'));
        return Optional.of(new Plot(FILE_NAME, "Density per layer", caption.toString(), ChartStyle.png(chart)));
    }

    /** One line per distinct density curve of the layers with at least one known density, in file order. */
    static List<Line> lines(RunData run) {
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (Map.Entry<String, List<RewireEvent>> layer : run.rewires().entrySet()) {
            double[][] xy = densities(layer.getValue(), layerInfo(run, layer.getKey()));
            if (xy[0].length > 0) {
                curves.put(layer.getKey(), xy);
            }
        }
        double tolerance = SAME_LINE * curves.values().stream().flatMapToDouble(xy -> Arrays.stream(xy[1])).max()
                .orElse(0);
        List<Line> lines = new ArrayList<>();
        curves.forEach((layer, xy) -> lines.stream().filter(l -> close(l.xy(), xy, tolerance)).findFirst()
                .ifPresentOrElse(l -> l.layers().add(layer),
                        () -> lines.add(new Line(new ArrayList<>(List.of(layer)), xy))));
        return lines;
    }

    // the same steps, and densities no further apart than tolerance at any of them
    private static boolean close(double[][] a, double[][] b, double tolerance) {
        if (!Arrays.equals(a[0], b[0])) {
            return false;
        }
        for (int i = 0; i < a[1].length; i++) {
            if (Math.abs(a[1][i] - b[1][i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    // [0] = step, [1] = density in percent: the initial density at step 0 when run.json has it, then
    // each update's; a missing density comes from nnz and the layer's shape. Empty without a known update.
    private static double[][] densities(List<RewireEvent> events, Optional<RunRecord.Layer> info) {
        boolean initial = info.isPresent() && info.get().initialNnz() != null;
        int first = initial ? 1 : 0;
        double[] steps = new double[first + events.size()];
        double[] percent = new double[first + events.size()];
        int n = first;
        for (RewireEvent e : events) {
            double density = e.density();
            if (Double.isNaN(density) && e.nnz() >= 0 && info.isPresent()) {
                density = fraction(e.nnz(), info.get());
            }
            if (Double.isFinite(density)) {
                steps[n] = e.step();
                percent[n] = 100 * density;
                n++;
            }
        }
        if (n == first) {
            return new double[][] {new double[0], new double[0]};
        }
        if (initial) {
            percent[0] = 100 * fraction(info.get().initialNnz(), info.get());
        }
        return new double[][] {Arrays.copyOf(steps, n), Arrays.copyOf(percent, n)};
    }

    private static double fraction(long nnz, RunRecord.Layer layer) {
        return nnz / ((double) layer.in() * layer.out());
    }

    private static Optional<RunRecord.Layer> layerInfo(RunData run, String name) {
        return run.record().layers().stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
