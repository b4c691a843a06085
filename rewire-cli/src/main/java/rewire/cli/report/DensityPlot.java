package rewire.cli.report;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import rewire.run.RunRecord;

/**
 * Density of each sparse layer over training, from rewire.jsonl: flat for SET and RigL, falling
 * for gradual pruning, falling then rising for MST's phases. The y axis starts at 0 so the
 * changes show in proportion.
 */
final class DensityPlot {
    static final String FILE_NAME = "density.png";
    private static final String CAPTION = "Fraction of each sparse layer's weights that are stored, after each "
            + "topology update (rewire.jsonl).";

    private DensityPlot() {
    }

    /** The chart, or empty when no topology update carries a density. */
    static Optional<Plot> render(RunData run) throws IOException {
        Map<String, double[][]> series = series(run);
        if (series.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartStyle.lineChart("Density per layer", "step", "density (%)");
        chart.getStyler().setYAxisMin(0.0);
        series.forEach((layer, xy) -> ChartStyle.addLine(chart, layer, xy[0], xy[1]));
        return Optional.of(new Plot(FILE_NAME, "Density per layer", CAPTION, ChartStyle.png(chart)));
    }

    /** Per layer with at least one known density, in file order: [0] = steps, [1] = density in percent. */
    static Map<String, double[][]> series(RunData run) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<RewireEvent>> layer : run.rewires().entrySet()) {
            double[][] xy = densities(layer.getValue(), layerInfo(run, layer.getKey()));
            if (xy[0].length > 0) {
                out.put(layer.getKey(), xy);
            }
        }
        return out;
    }

    // [0] = step, [1] = density in percent; a missing density comes from nnz and the layer's shape.
    private static double[][] densities(List<RewireEvent> events, Optional<RunRecord.Layer> info) {
        double[] steps = new double[events.size()];
        double[] percent = new double[events.size()];
        int n = 0;
        for (RewireEvent e : events) {
            double density = e.density();
            if (Double.isNaN(density) && e.nnz() >= 0 && info.isPresent()) {
                density = e.nnz() / ((double) info.get().in() * info.get().out());
            }
            if (Double.isFinite(density)) {
                steps[n] = e.step();
                percent[n] = 100 * density;
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(steps, n), Arrays.copyOf(percent, n)};
    }

    private static Optional<RunRecord.Layer> layerInfo(RunData run, String name) {
        return run.record().layers().stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
