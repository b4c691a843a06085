package rewire.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import rewire.train.Score;

/**
 * Curves from metrics.jsonl, one series per split: the loss and each of the workload's scores
 * against steps (against environment steps when the evaluations carry them, as a reinforcement
 * learner's do), the learning rate, and loss against training FLOPs.
 */
final class MetricPlots {
    private static final String SPLITS = "Train: running mean over the steps since the previous train point; "
            + "test and validation: a full evaluation.";

    /** What one chart plots: y against x of every metric line, one series per split. */
    private record Curve(String fileName, String title, String caption, ToDoubleFunction<MetricPoint> x,
                         String xTitle, ToDoubleFunction<MetricPoint> y, String yTitle) {
    }

    private MetricPlots() {
    }

    /**
     * The loss curve, one curve per score of the workload, the learning rate and, when FLOPs were
     * logged, loss against training FLOPs.
     */
    static List<Plot> render(RunData run) throws IOException {
        List<Plot> plots = new ArrayList<>();
        render(run, new Curve("loss.png", "Loss", SPLITS, p -> p.step(), "step", MetricPoint::loss, "loss"))
                .ifPresent(plots::add);
        boolean episodes = run.evaluations().stream().anyMatch(p -> Double.isFinite(p.get("envSteps")));
        for (Score score : run.scores()) {
            if (score.key().equals("loss")) {
                continue;
            }
            plots.addAll(render(run, scoreCurve(score, episodes)).stream().toList());
        }
        render(run, new Curve("lr.png", "Learning rate", "The learning rate of each logged step.", p -> p.step(),
                "step", p -> p.get("lr"), "learning rate")).ifPresent(plots::add);
        if (run.hasTrainingFlops()) {
            render(run, new Curve("loss-vs-flops.png", "Loss vs training compute",
                    "Loss against the training FLOPs spent so far: a run that lies further left reached that loss "
                            + "with less compute.", MetricPoint::trainingFlops, "cumulative training FLOPs",
                    MetricPoint::loss, "loss")).ifPresent(plots::add);
        }
        return plots;
    }

    // a score against steps, or against environment steps for a learner that counts them
    private static Curve scoreCurve(Score score, boolean episodes) {
        String title = Character.toUpperCase(score.label().charAt(0)) + score.label().substring(1);
        double scale = score.percent() ? 100 : 1;
        String yTitle = score.label() + (score.percent() ? " (%)" : "");
        if (episodes) {
            return new Curve(score.key() + ".png", title, "Greedy evaluation episodes against the environment steps "
                    + "played so far.", p -> p.get("envSteps"), "environment steps", p -> scale * p.get(score.key()),
                    yTitle);
        }
        return new Curve(score.key() + ".png", title, SPLITS, p -> p.step(), "step", p -> scale * p.get(score.key()),
                yTitle);
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
