package rewire.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;

/**
 * Charts of the workload's live numbers that come in families, one line per member: keys of the
 * training log named {@code <family><Member>} in camelCase with at least two members, such as a
 * reinforcement learner's {@code densityEncoder}, {@code densityCritic}, {@code densityActor} (one
 * chart "density", a line per module) or {@code dormantEncoder}, ... Plotted against environment
 * steps when the lines carry them, against steps otherwise. Keys the loop itself writes (loss, the
 * learning rates, throughput, times) are not families.
 */
final class StatusFamilies {
    private static final Set<String> LOOP_KEYS = Set.of("step", "epoch", "steps", "loss", "lr", "samplesPerSecond",
            "elapsedSeconds", "trainingFlops", "envSteps");

    private StatusFamilies() {
    }

    /** One chart per family of the train lines' keys, in the order their families first appear. */
    static List<Plot> render(RunData run) throws IOException {
        List<MetricPoint> train = run.metrics().getOrDefault("train", List.of());
        Map<String, Set<String>> families = families(train);
        boolean envSteps = !train.isEmpty() && train.stream().allMatch(p -> Double.isFinite(p.get("envSteps")));
        List<Plot> plots = new ArrayList<>();
        for (Map.Entry<String, Set<String>> f : families.entrySet()) {
            chart(f.getKey(), f.getValue(), train, envSteps).ifPresent(plots::add);
        }
        return plots;
    }

    /** Family name to its members' keys, for families of at least two keys. */
    static Map<String, Set<String>> families(List<MetricPoint> points) {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        for (MetricPoint p : points) {
            for (String key : p.values().keySet()) {
                int split = lastWordStart(key);
                if (split > 0 && !LOOP_KEYS.contains(key) && !key.startsWith("lr.")) {
                    all.computeIfAbsent(key.substring(0, split), k -> new TreeSet<>()).add(key);
                }
            }
        }
        all.values().removeIf(members -> members.size() < 2);
        return all;
    }

    // the index of the last capital letter of a camelCase key, 0 when it has none
    private static int lastWordStart(String key) {
        for (int i = key.length() - 1; i > 0; i--) {
            if (Character.isUpperCase(key.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    private static Optional<Plot> chart(String family, Set<String> members, List<MetricPoint> train, boolean envSteps)
            throws IOException {
        String title = Character.toUpperCase(family.charAt(0)) + Formats.words(family).substring(1);
        XYChart chart = ChartStyle.lineChart(title, envSteps ? "environment steps" : "step", Formats.words(family));
        for (String key : members) {
            List<double[]> xy = new ArrayList<>();
            for (MetricPoint p : train) {
                double x = envSteps ? p.get("envSteps") : p.step();
                if (Double.isFinite(p.get(key))) {
                    xy.add(new double[] {x, p.get(key)});
                }
            }
            if (!xy.isEmpty()) {
                ChartStyle.addLine(chart, Formats.words(key.substring(family.length())),
                        xy.stream().mapToDouble(a -> a[0]).toArray(), xy.stream().mapToDouble(a -> a[1]).toArray());
            }
        }
        if (chart.getSeriesCollection().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Plot("status-" + family + ".png", title, "The workload's " + Formats.words(family)
                + " of each of its parts, from the training log.", ChartStyle.png(chart)));
    }
}
