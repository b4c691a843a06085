package rewire.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import rewire.train.Score;

/**
 * Curves from metrics.jsonl, one series per split: the loss and each of the workload's scores
 * against steps (against environment steps when the evaluations carry them, as a reinforcement
 * learner's do), the learning rate, a data-parallel run's bytes per round and compression error,
 * and loss against training FLOPs.
 */
final class MetricPlots {
    private static final String SPLITS = "Train: running mean over the steps since the previous train point; "
            + "test and validation: a full evaluation.";
    private static final String SPREAD = " Where an evaluation reports its spread, bars show the mean ± one "
            + "standard deviation over its episodes.";
    private static final String APART = " A train point that averages fewer steps than the others (the last one, "
            + "when the run's length is not a multiple of train.logEvery) is drawn apart as a cross: its mean covers "
            + "only the latest steps, so joining it to the line would draw a dip (or spike) that training did not make.";

    /**
     * What one chart plots: y against x of every metric line, one series per split.
     *
     * @param windowed whether y is a mean over the logging window (loss, accuracy), so that a train
     *                 point averaging fewer steps is drawn apart; false for a value of one step (lr)
     *                 and for a learner's scores against environment steps, whose train values are
     *                 its status over recent episodes
     */
    private record Curve(String fileName, String title, String caption, ToDoubleFunction<MetricPoint> x,
                         String xTitle, ToDoubleFunction<MetricPoint> y, String yTitle, boolean windowed,
                         ToDoubleFunction<MetricPoint> spread) {
        Curve(String fileName, String title, String caption, ToDoubleFunction<MetricPoint> x, String xTitle,
              ToDoubleFunction<MetricPoint> y, String yTitle, boolean windowed) {
            this(fileName, title, caption, x, xTitle, y, yTitle, windowed, p -> Double.NaN);
        }
    }

    private MetricPlots() {
    }

    /**
     * The loss curve, one curve per score of the workload, the learning rate and, when FLOPs were
     * logged, loss against training FLOPs.
     */
    static List<Plot> render(RunData run) throws IOException {
        List<Plot> plots = new ArrayList<>();
        render(run, new Curve("loss.png", "Loss", SPLITS, p -> p.step(), "step", MetricPoint::loss, "loss",
                true))
                .ifPresent(plots::add);
        boolean episodes = run.evaluations().stream().anyMatch(p -> Double.isFinite(p.get("envSteps")));
        for (Score score : run.scores()) {
            if (score.key().equals("loss")) {
                continue;
            }
            plots.addAll(render(run, scoreCurve(score, episodes)).stream().toList());
        }
        render(run, new Curve("lr.png", "Learning rate", "The learning rate of each logged step.", p -> p.step(),
                "step", p -> p.get("lr"), "learning rate", false)).ifPresent(plots::add);
        render(run, new Curve("round-bytes.png", "Bytes per round", "Data-parallel runs: the bytes every shard sent to "
                + "the driver in a round (nnz floats, compressed or not), averaged over the logging window.",
                p -> p.step(), "step", p -> p.get("roundBytes"), "bytes per round", true)).ifPresent(plots::add);
        render(run, new Curve("compression-error.png", "Compression error", "Data-parallel runs with compressed "
                + "updates: |x - C(x)| / |x| of a round's changes x (error feedback sends the rest later).",
                p -> p.step(), "step", p -> p.get("compressionError"), "relative error", true)).ifPresent(plots::add);
        if (run.hasTrainingFlops()) {
            render(run, new Curve("loss-vs-flops.png", "Loss vs training compute",
                    "Loss against the training FLOPs spent so far: a run that lies further left reached that loss "
                            + "with less compute.", MetricPoint::trainingFlops, "cumulative training FLOPs",
                    MetricPoint::loss, "loss", true)).ifPresent(plots::add);
        }
        return plots;
    }

    // a score against steps, or against environment steps for a learner that counts them (its train
    // values are then its status over recent episodes, not a window mean)
    private static Curve scoreCurve(Score score, boolean episodes) {
        String title = Character.toUpperCase(score.label().charAt(0)) + score.label().substring(1);
        double scale = score.percent() ? 100 : 1;
        String yTitle = score.label() + (score.percent() ? " (%)" : "");
        if (episodes) {
            return new Curve(score.key() + ".png", title, "Greedy evaluation episodes against the environment steps "
                    + "played so far." + SPREAD, p -> p.get("envSteps"), "environment steps",
                    p -> scale * p.get(score.key()), yTitle, false, p -> scale * p.get(score.key() + "Std"));
        }
        return new Curve(score.key() + ".png", title, SPLITS, p -> p.step(), "step", p -> scale * p.get(score.key()),
                yTitle, true);
    }

    // One series per split that has points where both coordinates are known, then the train points of
    // shorter windows apart, in their split's colour; empty if no split has points.
    private static Optional<Plot> render(RunData run, Curve curve) throws IOException {
        XYChart chart = ChartStyle.lineChart(curve.title(), curve.xTitle(), curve.yTitle());
        Map<Integer, List<MetricPoint>> apartBySeries = new LinkedHashMap<>();
        for (Map.Entry<String, List<MetricPoint>> split : run.metrics().entrySet()) {
            List<MetricPoint> apart = curve.windowed() ? shorterWindows(split.getValue()) : List.of();
            List<MetricPoint> joined = split.getValue().stream().filter(p -> !apart.contains(p)).toList();
            double[][] xy = finitePoints(joined, curve.x(), curve.y());
            if (xy[0].length > 0) {
                apartBySeries.put(chart.getSeriesCollection().size(), apart);
                double[] spread = spread(joined, curve);
                if (spread == null) {
                    ChartStyle.addLine(chart, label(split.getKey(), curve.windowed()), xy[0], xy[1]);
                } else {
                    ChartStyle.addLine(chart, label(split.getKey(), curve.windowed()), xy[0], xy[1], spread);
                }
            }
        }
        if (chart.getSeriesCollection().isEmpty()) {
            return Optional.empty();
        }
        boolean drawnApart = false;
        for (Map.Entry<Integer, List<MetricPoint>> apart : apartBySeries.entrySet()) {
            double[][] xy = finitePoints(apart.getValue(), curve.x(), curve.y());
            if (xy[0].length > 0) {
                ChartStyle.addApart(chart, apartLabel(apart.getValue()), xy[0], xy[1], apart.getKey());
                drawnApart = true;
            }
        }
        return Optional.of(new Plot(curve.fileName(), curve.title(), curve.caption() + (drawnApart ? APART : ""),
                ChartStyle.png(chart)));
    }

    // the spread of every drawn point, or null unless every one of them reports a finite spread
    private static double[] spread(List<MetricPoint> points, Curve curve) {
        List<Double> out = new ArrayList<>();
        for (MetricPoint p : points) {
            if (Double.isFinite(curve.x().applyAsDouble(p)) && Double.isFinite(curve.y().applyAsDouble(p))) {
                double s = curve.spread().applyAsDouble(p);
                if (!Double.isFinite(s)) {
                    return null;
                }
                out.add(s);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The points that average fewer steps than the split's longest window; none when no point says. */
    static List<MetricPoint> shorterWindows(List<MetricPoint> points) {
        double longest = points.stream().mapToDouble(p -> p.get("steps")).filter(Double::isFinite).max().orElse(0);
        return points.stream().filter(p -> p.get("steps") < longest).toList();
    }

    // "train, last 7 steps" for the one short window at the end, "train, shorter windows" for several
    private static String apartLabel(List<MetricPoint> apart) {
        return apart.size() == 1 ? "train, last " + Formats.count((long) apart.get(0).get("steps")) + " steps"
                : "train, shorter windows";
    }

    /** [0] = x, [1] = y of the points whose x and y are both finite. */
    static double[][] finitePoints(List<MetricPoint> points, ToDoubleFunction<MetricPoint> x,
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

    // a train value is a running mean only when the curve plots a windowed value
    private static String label(String split, boolean windowed) {
        return switch (split) {
            case "train" -> windowed ? "train (running mean)" : "train";
            case "val" -> "validation";
            default -> split;
        };
    }
}
