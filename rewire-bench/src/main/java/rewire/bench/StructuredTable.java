package rewire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The step times of {@link StructuredLinearBenchmark} per layer configuration, structured format
 * and density, with the structured layer against CSR and both against dense. A ratio is taken
 * within one repetition (runs seconds apart), then the median over the repetitions that measured
 * all three; times are medians over the same repetitions.
 */
final class StructuredTable {
    private static final String OP = "step";

    private final List<LayerRun> runs;

    StructuredTable(List<LayerRun> runs) {
        this.runs = runs.stream().filter(r -> r.op().equals(OP)).toList();
    }

    /**
     * One density of one configuration and structured format.
     *
     * @param format              the structured format's weights value (diagonal, block4x4, ...)
     * @param density             the benchmark's density parameter
     * @param units               K diagonals or blocks at that density
     * @param actualDensity       the entries over {@code out * in}, which the CSR layer has too
     * @param csrOverStructured   how many times faster the structured step is than the CSR step
     * @param csrSpeedup          dense step time over CSR step time
     * @param structuredSpeedup   dense step time over structured step time
     */
    record Row(String format, double density, int units, double actualDensity, double denseMs, double csrMs,
               double structuredMs, double csrOverStructured, double csrSpeedup, double structuredSpeedup,
               int repetitions) {
        /** The CSR speedup over 1/density, the speedup if only the multiply-adds counted. */
        double csrOfIdeal() {
            return csrSpeedup * actualDensity;
        }

        /** The structured speedup over 1/density. */
        double structuredOfIdeal() {
            return structuredSpeedup * actualDensity;
        }
    }

    /** Configurations with results, smallest layer first. */
    List<LayerRun.Config> configs() {
        return runs.stream().map(LayerRun::config).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /** The structured formats with results for {@code config}, in {@link StructuredLinearBenchmark#STRUCTURED} order. */
    List<String> formats(LayerRun.Config config) {
        return StructuredLinearBenchmark.STRUCTURED.stream().filter(f -> runs.stream()
                .anyMatch(r -> r.config().equals(config) && r.weights().equals(f))).toList();
    }

    /** The densities of {@code config} that some repetition measured with dense, CSR and {@code format}, increasing. */
    List<Row> rows(LayerRun.Config config, String format) {
        TreeSet<Double> densities = runs.stream().filter(r -> r.config().equals(config)).map(LayerRun::density)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Row> rows = new ArrayList<>();
        for (double d : densities) {
            row(config, format, d).ifPresent(rows::add);
        }
        return rows;
    }

    private Optional<Row> row(LayerRun.Config config, String format, double density) {
        List<double[]> complete = new ArrayList<>(); // per repetition: dense, csr, structured ms
        for (int rep : runs.stream().mapToInt(LayerRun::repetition).distinct().sorted().toArray()) {
            Optional<Double> dense = ms(config, density, rep, "dense");
            Optional<Double> csr = ms(config, density, rep, "csr");
            Optional<Double> structured = ms(config, density, rep, format);
            if (dense.isPresent() && csr.isPresent() && structured.isPresent()) {
                complete.add(new double[] {dense.get(), csr.get(), structured.get()});
            }
        }
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        StructuredLinearBenchmark.Budget b = StructuredLinearBenchmark.budget(format, config.out(), config.in(), density);
        return Optional.of(new Row(format, density, b.units(), b.density(),
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
