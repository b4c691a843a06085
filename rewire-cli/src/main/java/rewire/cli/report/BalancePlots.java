package rewire.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import rewire.train.Score;

/**
 * The charts of a run of two networks kept in balance (a GAN: its training lines carry the
 * {@code balanceRatio}, {@code dDensity} and {@code gDensity} it reports): the balance ratio with
 * the band ADAPT keeps it in, both networks' densities over training, and the primary score against
 * the training FLOPs spent. The band comes from the run's configuration ({@code balance.low} and
 * {@code high}, or {@code ddaLow} and {@code ddaHigh} for the DDA regime).
 */
final class BalancePlots {
    private static final String RATIO = "balanceRatio";

    private BalancePlots() {
    }

    /** The charts, none when the run reports no balance ratio. */
    static List<Plot> render(RunData run) throws IOException {
        List<MetricPoint> train = run.split("train");
        if (train.stream().noneMatch(p -> Double.isFinite(p.get(RATIO)))) {
            return List.of();
        }
        List<Plot> plots = new ArrayList<>();
        plots.add(ratio(run, train));
        plots.add(densities(train));
        scoreAgainstFlops(run).ifPresent(plots::add);
        return plots;
    }

    private static Plot ratio(RunData run, List<MetricPoint> train) throws IOException {
        XYChart chart = ChartStyle.lineChart("Balance ratio", "step", "balance ratio");
        double[][] br = MetricPlots.finitePoints(train, p -> p.step(), p -> p.get(RATIO));
        ChartStyle.addLine(chart, "balance ratio (mean of the queue)", br[0], br[1]);
        double[] band = band(run);
        String caption = "How far one generator update moves the fakes towards the reals as the discriminator sees "
                + "them: (D(G'(z)) - D(G(z))) / (D(x) - D(G(z))), the mean of the last gan.brWindow measurements, "
                + "as logged at each training line (ADAPT, Wang et al. NeurIPS 2023).";
        if (band != null && br[0].length > 0) {
            double[] ends = {br[0][0], br[0][br[0].length - 1]};
            ChartStyle.addLine(chart, "band low " + Formats.number(band[0]), ends, new double[] {band[0], band[0]});
            ChartStyle.addLine(chart, "band high " + Formats.number(band[1]), ends, new double[] {band[1], band[1]});
            caption += " The discriminator's density rises at or above the band and falls at or below it when the "
                    + "regime controls it (dda, adapt-relax, adapt-strict); other regimes only measure.";
        }
        return new Plot("balance-ratio.png", "Balance ratio", caption, ChartStyle.png(chart));
    }

    // [low, high] of the run's configuration, or null when it names none
    private static double[] band(RunData run) {
        if (!(run.record().config() instanceof Map<?, ?> config) || !(config.get("balance") instanceof Map<?, ?> b)) {
            return null;
        }
        boolean dda = "dda".equals(b.get("regime"));
        Object low = b.get(dda ? "ddaLow" : "low");
        Object high = b.get(dda ? "ddaHigh" : "high");
        return low instanceof Number l && high instanceof Number h ? new double[] {l.doubleValue(), h.doubleValue()}
                : null;
    }

    private static Plot densities(List<MetricPoint> train) throws IOException {
        XYChart chart = ChartStyle.lineChart("Density of each network", "step", "density (%)");
        chart.getStyler().setYAxisMin(0.0);
        for (String[] series : new String[][] {{"dDensity", "discriminator"}, {"gDensity", "generator"}}) {
            double[][] xy = MetricPlots.finitePoints(train, p -> p.step(), p -> 100 * p.get(series[0]));
            if (xy[0].length > 0) {
                ChartStyle.addLine(chart, series[1], xy[0], xy[1]);
            }
        }
        return new Plot("densities.png", "Density of each network", "Stored weights over dense size of each "
                + "network's sparse layers, at each training line: flat for static networks, moving with ADAPT's "
                + "control for the discriminator.", ChartStyle.png(chart));
    }

    private static Optional<Plot> scoreAgainstFlops(RunData run) throws IOException {
        if (run.scores().isEmpty() || !run.hasTrainingFlops()) {
            return Optional.empty();
        }
        Score primary = run.scores().get(0);
        double[][] xy = MetricPlots.finitePoints(run.evaluations(), MetricPoint::trainingFlops, p -> p.get(primary.key()));
        if (xy[0].length == 0) {
            return Optional.empty();
        }
        String title = primary.label() + " vs training compute";
        XYChart chart = ChartStyle.lineChart(title, "cumulative training FLOPs", primary.label());
        ChartStyle.addLine(chart, primary.label(), xy[0], xy[1]);
        return Optional.of(new Plot(primary.key() + "-vs-flops.png", title, "Each evaluation's " + primary.label()
                + " against the training FLOPs spent until then (both networks, every pass): a run further left "
                + "reached that score with less compute.", ChartStyle.png(chart)));
    }
}
