package rewire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The step times of {@link StructuredLinearBenchmark} per layer configuration and density, with
 * the diagonal layer against CSR and both against dense. A ratio is taken within one repetition
 * (runs seconds apart), then the median over the repetitions that measured all three; times are
 * medians over the same repetitions.
 */
final class StructuredTable {
    private static final String OP = "step";

    private final List<LayerRun> runs;

    StructuredTable(List<LayerRun> runs) {
        this.runs = runs.stream().filter(r -> r.op().equals(OP)).toList();
    }

    /**
     * One density of one configuration.
     *
     * @param density         the benchmark's density parameter
     * @param diagonals       K, the diagonals at that density
     * @param actualDensity   {@code K * D / (out * in)}, the density both sparse layers have
     * @param csrOverDiagonal how many times faster the diagonal step is than the CSR step
     * @param csrSpeedup      dense step time over CSR step time
     * @param diagonalSpeedup dense step time over diagonal step time
     */
    record Row(double density, int diagonals, double actualDensity, double denseMs, double csrMs, double diagonalMs,
               double csrOverDiagonal, double csrSpeedup, double diagonalSpeedup, int repetitions) {
        /** The CSR speedup over 1/density, the speedup if only the multiply-adds counted. */
        double csrOfIdeal() {
            return csrSpeedup * actualDensity;
        }

        /** The diagonal speedup over 1/density. */
        double diagonalOfIdeal() {
            return diagonalSpeedup * actualDensity;
        }
    }

    /** Configurations with results, smallest layer first. */
    List<LayerRun.Config> configs() {
        return runs.stream().map(LayerRun::config).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /** The densities of {@code config} that some repetition measured with all three weights, increasing. */
    List<Row> rows(LayerRun.Config config) {
        TreeSet<Double> densities = runs.stream().filter(r -> r.config().equals(config)).map(LayerRun::density)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Row> rows = new ArrayList<>();
        for (double d : densities) {
            row(config, d).ifPresent(rows::add);
        }
        return rows;
    }

    private Optional<Row> row(LayerRun.Config config, double density) {
        List<double[]> complete = new ArrayList<>(); // per repetition: dense, csr, diagonal ms
        for (int rep : runs.stream().mapToInt(LayerRun::repetition).distinct().sorted().toArray()) {
            Optional<Double> dense = ms(config, density, rep, "dense");
            Optional<Double> csr = ms(config, density, rep, "csr");
            Optional<Double> diagonal = ms(config, density, rep, "diagonal");
            if (dense.isPresent() && csr.isPresent() && diagonal.isPresent()) {
                complete.add(new double[] {dense.get(), csr.get(), diagonal.get()});
            }
        }
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        int k = StructuredLinearBenchmark.diagonals(config.out(), config.in(), density);
        return Optional.of(new Row(density, k, StructuredLinearBenchmark.density(config.out(), config.in(), k),
                median(complete, t -> t[0]), median(complete, t -> t[1]), median(complete, t -> t[2]),
                median(complete, t -> t[1] / t[2]), median(complete, t -> t[0] / t[1]),
                median(complete, t -> t[0] / t[2]), complete.size()));
    }

    private Optional<Double> ms(LayerRun.Config config, double density, int repetition, String weights) {
        return runs.stream().filter(r -> r.config().equals(config) && r.density() == density
                && r.repetition() == repetition && r.weights().equals(weights)).map(LayerRun::ms).findFirst();
    }

    private static double median(List<double[]> times, java.util.function.ToDoubleFunction<double[]> value) {
        return Speedups.median(times.stream().mapToDouble(value).toArray());
    }
}
