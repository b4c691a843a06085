package rewire.bench.peer;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The peer benchmark's plot: speedup of each configuration's whole epoch (training steps and
 * topology updates) over PyTorch dense's, both at their best thread setting and Rewire's default
 * preprocessing, against weight density, log-log, with the ideal {@code 1/density}.
 */
final class SpeedupPlot {
    private static final Color REWIRE = new Color(0x0072B2);
    private static final Color TORCH = new Color(0xD55E00);
    private static final Color IDEAL = new Color(0x777777);

    private SpeedupPlot() {
    }

    static void write(PeerSummary s, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(520)
                .title("Training speed vs PyTorch dense (MLP 784-1000-1000-1000-10, Fashion-MNIST)")
                .xAxisTitle("weight density").yAxisTitle("speedup per epoch over PyTorch dense").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(8);
        // the ideal from dense (1x) down to the sparsest density measured on either side
        double[] x = plotted(s).stream().mapToDouble(PeerResult::density).map(d -> -d).sorted().map(d -> -d).distinct()
                .toArray();
        XYSeries line = chart.addSeries("ideal 1/density", x, Arrays.stream(x).map(d -> 1 / d).toArray());
        line.setLineColor(IDEAL);
        line.setMarker(SeriesMarkers.NONE);
        series(chart, s, "rewire", "Rewire (CSR RigL; dense at 1.0)", REWIRE);
        series(chart, s, "torch", "PyTorch (masked RigL; dense at 1.0)", TORCH);
        Files.createDirectories(png.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void series(XYChart chart, PeerSummary s, String side, String name, Color color) {
        List<PeerResult> runs = plotted(s).stream().filter(r -> r.side().equals(side))
                .sorted(Comparator.comparingDouble(PeerResult::density)).toList();
        if (runs.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, runs.stream().mapToDouble(PeerResult::density).toArray(),
                runs.stream().mapToDouble(s::speedup).toArray());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    // the fastest run of every configuration at the default preprocessing (the speeds the ratios compare)
    private static List<PeerResult> plotted(PeerSummary s) {
        return s.best().stream().filter(r -> !r.peerPreprocessing()).toList();
    }
}
