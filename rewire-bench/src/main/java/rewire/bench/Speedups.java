package rewire.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sparse against dense per layer configuration and density: median times over repetitions, and
 * median speedups where each repetition's sparse time is divided into the dense time of the same
 * repetition (the run just before it when the grid is paired, else that repetition's median
 * dense time for the configuration).
 */
final class Speedups {
    static final List<String> OPS = List.of("forward", "inputGrad", "weightGrad", "step");

    private final List<LayerRun> runs;

    Speedups(List<LayerRun> runs) {
        this.runs = List.copyOf(runs);
    }

    /** One row of a table: a density with, per op, the median times and the median speedup. */
    record Row(double density, Map<String, Double> sparseMs, Map<String, Double> denseMs, Map<String, Double> speedup) {
        /** Speedup of the whole step over 1/density, the speedup if only the arithmetic counted. */
        double fractionOfIdeal() {
            return speedup.get("step") * density;
        }
    }

    /** Configurations that have sparse results, smallest layer first. */
    List<LayerRun.Config> configs() {
        return runs.stream().filter(r -> r.weights().equals("sparse")).map(LayerRun::config)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /** How many repetitions of the grid measured this configuration. */
    long repetitions(LayerRun.Config config) {
        return runs.stream().filter(r -> r.config().equals(config) && r.weights().equals("sparse"))
                .mapToInt(LayerRun::repetition).distinct().count();
    }

    /** The rows of one configuration, by increasing density. */
    List<Row> rows(LayerRun.Config config) {
        TreeSet<Double> densities = runs.stream().filter(r -> r.config().equals(config) && r.weights().equals("sparse"))
                .map(LayerRun::density).collect(Collectors.toCollection(TreeSet::new));
        List<Row> rows = new ArrayList<>();
        for (double d : densities) {
            Map<String, Double> sparse = new TreeMap<>();
            Map<String, Double> dense = new TreeMap<>();
            Map<String, Double> speedup = new TreeMap<>();
            for (String op : OPS) {
                List<LayerRun> mine = select(config, op, "sparse", d);
                if (mine.isEmpty()) {
                    continue;
                }
                sparse.put(op, median(mine.stream().mapToDouble(LayerRun::ms).toArray()));
                List<Double> ratios = new ArrayList<>();
                List<Double> denseTimes = new ArrayList<>();
                for (LayerRun s : mine) {
                    OptionalDouble partner = denseFor(s);
                    if (partner.isPresent()) {
                        ratios.add(partner.getAsDouble() / s.ms());
                        denseTimes.add(partner.getAsDouble());
                    }
                }
                if (!ratios.isEmpty()) {
                    speedup.put(op, median(ratios));
                    dense.put(op, median(denseTimes));
                }
            }
            rows.add(new Row(d, sparse, dense, speedup));
        }
        return rows;
    }

    // The dense partner of a sparse run: same op, configuration and repetition, same density if
    // the grid was paired, else the median over that repetition's dense densities.
    private OptionalDouble denseFor(LayerRun sparse) {
        List<LayerRun> same = runs.stream().filter(r -> r.weights().equals("dense") && r.op().equals(sparse.op())
                && r.config().equals(sparse.config()) && r.repetition() == sparse.repetition()).toList();
        for (LayerRun r : same) {
            if (r.density() == sparse.density()) {
                return OptionalDouble.of(r.ms());
            }
        }
        return same.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(median(same.stream().mapToDouble(LayerRun::ms).toArray()));
    }

    private List<LayerRun> select(LayerRun.Config config, String op, String weights, double density) {
        return runs.stream().filter(r -> r.config().equals(config) && r.op().equals(op) && r.weights().equals(weights)
                && r.density() == density).toList();
    }

    /**
     * The density at which the sparse step takes as long as the dense one, interpolated linearly
     * in log(density) and log(speedup) between the last density faster than dense and the first
     * slower one; empty when the measured densities do not bracket it.
     */
    static OptionalDouble crossover(List<Row> rows) {
        for (int i = 0; i + 1 < rows.size(); i++) {
            Double s0 = rows.get(i).speedup().get("step");
            Double s1 = rows.get(i + 1).speedup().get("step");
            if (s0 != null && s1 != null && s0 >= 1 && s1 < 1) {
                double t = Math.log(s0) / (Math.log(s0) - Math.log(s1));
                double ld0 = Math.log(rows.get(i).density());
                double ld1 = Math.log(rows.get(i + 1).density());
                return OptionalDouble.of(Math.exp(ld0 + t * (ld1 - ld0)));
            }
        }
        return OptionalDouble.empty();
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
