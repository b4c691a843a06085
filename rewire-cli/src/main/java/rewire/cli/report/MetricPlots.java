package rewire.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;

/** Loss and accuracy curves from metrics.jsonl: one series per split, against step or training FLOPs. */
final class MetricPlots {
    private static final String SPLITS = "Train: running mean over the steps since the previous train point; "
            + "test and validation: a full evaluation.";
    private static final Curve LOSS = new Curve("loss.png", "Loss", SPLITS,
            p -> p.step(), "step", MetricPoint::loss, "loss");
    private static final Curve ACCURACY = new Curve("accuracy.png", "Accuracy", SPLITS,
            p -> p.step(), "step", p -> 100 * p.accuracy(), "accuracy (%)");
    private static final Curve LOSS_VS_FLOPS = new Curve("loss-vs-flops.png", "Loss vs training compute",
            "Loss against the training FLOPs spent so far: a run that lies further left reached that loss "
                    + "with less compute.",
            MetricPoint::trainingFlops, "cumulative training FLOPs", MetricPoint::loss, "loss");

    private static final String EPISODES = "Greedy evaluation episodes against the environment steps played so far.";
    private static final Curve WIN_RATE = new Curve("win-rate.png", "Win rate", EPISODES,
            MetricPoint::envSteps, "environment steps", p -> 100 * p.accuracy(), "win rate (%)");
    private static final Curve RETURN = new Curve("return.png", "Return", EPISODES,
            MetricPoint::envSteps, "environment steps", MetricPoint::meanReturn, "mean episode return");

    /** What one chart plots: y against x of every metric line, one series per split. */
    private record Curve(String fileName, String title, String caption, ToDoubleFunction<MetricPoint> x,
                         String xTitle, ToDoubleFunction<MetricPoint> y, String yTitle) {
    }

    private MetricPlots() {
    }

    /**
     * The loss curve, the accuracy curve, for reinforcement learners win rate and return against
     * environment steps, and, when FLOPs were logged, loss against training FLOPs.
     */
    static List<Plot> render(RunData run) throws IOException {
        List<Plot> plots = new ArrayList<>();
        render(run, LOSS).ifPresent(plots::add);
        render(run, ACCURACY).ifPresent(plots::add);
        render(run, WIN_RATE).ifPresent(plots::add);
        render(run, RETURN).ifPresent(plots::add);
        if (run.hasTrainingFlops()) {
            render(run, LOSS_VS_FLOPS).ifPresent(plots::add);
        }
        return plots;
    }

    // One series per split that has points where both coordinates are known; empty if none has.
    private static Optional<Plot> render(RunData run, Curve curve) throws IOException {
        XYChart chart = ChartStyle.lineChart(curve.title(), curve.xTitle(), curve.yTitle());
        int seriesCount = 0;
        for (Map.Entry<String, List<MetricPoint>> split : run.metrics().entrySet()) {
            double[][] xy = finitePoints(split.getValue(), curve.x(), curve.y());
            if (xy[0].length > 0) {
                ChartStyle.addLine(chart, label(split.getKey()), xy[0], xy[1]);
                seriesCount++;
            }
        }
        return seriesCount == 0 ? Optional.empty()
                : Optional.of(new Plot(curve.fileName(), curve.title(), curve.caption(), ChartStyle.png(chart)));
    }

    // [0] = x, [1] = y of the points whose x and y are both finite.
    private static double[][] finitePoints(List<MetricPoint> points, ToDoubleFunction<MetricPoint> x,
                                           ToDoubleFunction<MetricPoint> y) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        int n = 0;
        for (MetricPoint p : points) {
            double xv = x.applyAsDouble(p);
            double yv = y.applyAsDouble(p);
            if (Double.isFinite(xv) && Double.isFinite(yv)) {
                xs[n] = xv;
                ys[n] = yv;
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    private static String label(String split) {
        return switch (split) {
            case "train" -> "train (running mean)";
            case "val" -> "validation";
            default -> split;
        };
    }
}
