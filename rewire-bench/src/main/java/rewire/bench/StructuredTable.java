package rewire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The step times of {@link StructuredLinearBenchmark} per layer configuration, density and
 * structured format, with the format's layer against CSR and both against dense. A ratio is taken
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
     * One format at one density of one configuration.
     *
     * @param density       the benchmark's density parameter
     * @param structure     the format's structure there ("K = 100", "k = 100", "2:4")
     * @param actualDensity the density of the format's layer (the CSR layer's too)
     * @param csrOverFormat how many times faster the format's step is than the CSR step
     * @param csrSpeedup    dense step time over CSR step time
     * @param formatSpeedup dense step time over the format's step time
     */
    record Row(StructuredFormat format, double density, String structure, double actualDensity, double denseMs,
               double csrMs, double formatMs, double csrOverFormat, double csrSpeedup, double formatSpeedup,
               int repetitions) {
        /** The CSR speedup over 1/density, the speedup if only the multiply-adds counted. */
        double csrOfIdeal() {
            return csrSpeedup * actualDensity;
        }

        /** The format's speedup over 1/density. */
        double formatOfIdeal() {
            return formatSpeedup * actualDensity;
        }
    }

    /** Configurations with results, smallest layer first. */
    List<LayerRun.Config> configs() {
        return runs.stream().map(LayerRun::config).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /** The (density, format) pairs of {@code config} that some repetition measured with all three weights, by density. */
    List<Row> rows(LayerRun.Config config) {
        TreeSet<Double> densities = runs.stream().filter(r -> r.config().equals(config)).map(LayerRun::density)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Row> rows = new ArrayList<>();
        for (double d : densities) {
            for (StructuredFormat f : StructuredFormat.values()) {
                row(config, d, f).ifPresent(rows::add);
            }
        }
        return rows;
    }

    private Optional<Row> row(LayerRun.Config config, double density, StructuredFormat format) {
        List<double[]> complete = new ArrayList<>(); // per repetition: dense, csr, format ms
        for (int rep : runs.stream().mapToInt(LayerRun::repetition).distinct().sorted().toArray()) {
            Optional<Double> dense = ms(config, density, rep, "dense");
            Optional<Double> csr = ms(config, density, rep, "csr");
            Optional<Double> structured = ms(config, density, rep, format.param());
            if (dense.isPresent() && csr.isPresent() && structured.isPresent()) {
                complete.add(new double[] {dense.get(), csr.get(), structured.get()});
            }
        }
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        int out = config.out();
        int in = config.in();
        return Optional.of(new Row(format, density, format.structure(out, in, density),
                format.actualDensity(out, in, density), median(complete, t -> t[0]), median(complete, t -> t[1]),
                median(complete, t -> t[2]), median(complete, t -> t[1] / t[2]), median(complete, t -> t[0] / t[1]),
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
