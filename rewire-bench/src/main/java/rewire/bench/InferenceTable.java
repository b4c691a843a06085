package rewire.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The inference block of docs/benchmarks.md: for each model, every measured configuration's latency
 * at batch 1 and throughput at batch 256, and each Rewire configuration's ratio to PyTorch dense at
 * its best thread setting (the lowest latency and the highest throughput, each taken on its own).
 */
final class InferenceTable {
    private InferenceTable() {
    }

    /**
     * One measured line of {@link PredictBench} or torch_predict.py.
     *
     * @param side      rewire or torch
     * @param model     mlp or cnn
     * @param density   stored weights over dense (1 for PyTorch)
     * @param medianMs  median milliseconds per call
     * @param p90Ms     90th percentile milliseconds per call
     * @param perSecond examples per second at the median call
     */
    record Row(String side, String model, double density, int threads, int batch, double medianMs, double p90Ms,
               double perSecond) {

        /** Rows from lines {@code side,model,density,threads,batch,median,p90,examples/s[,more]}. */
        static List<Row> fromCsv(List<String> lines) {
            List<Row> rows = new ArrayList<>();
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length < 8) {
                    throw new IllegalArgumentException("an inference line needs 8 fields, got: " + line);
                }
                rows.add(new Row(f[0], f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
            }
            return rows;
        }

        boolean isTorch() {
            return side.equals("torch");
        }
    }

    static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| model | side | density | threads | batch 1: ms per example (median / p90) | batch 256: examples/s "
                + "| latency vs PyTorch dense | throughput vs PyTorch dense |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        Set<String> models = new LinkedHashSet<>();
        rows.forEach(r -> models.add(r.model()));
        for (String model : models) {
            List<Row> of = rows.stream().filter(r -> r.model().equals(model)).toList();
            Row torchLatency = best(of, true, 1, Comparator.comparingDouble(Row::medianMs));
            Row torchThroughput = best(of, true, 256, Comparator.comparingDouble(r -> -r.perSecond()));
            Set<String> configs = new LinkedHashSet<>();
            of.stream().sorted(Comparator.comparing((Row r) -> !r.isTorch()).thenComparing(r -> -r.density())
                    .thenComparingInt(Row::threads)).forEach(r -> configs.add(r.side() + "," + r.density() + ","
                    + r.threads()));
            for (String config : configs) {
                Row latency = find(of, config, 1);
                Row throughput = find(of, config, 256);
                Row any = latency != null ? latency : throughput;
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s |%n", model,
                        any.isTorch() ? "PyTorch dense" : "Rewire", density(any), any.threads(),
                        latency == null ? "" : String.format(Locale.ROOT, "%.3f / %.3f", latency.medianMs(), latency.p90Ms()),
                        throughput == null ? "" : String.format(Locale.ROOT, "%,.0f", throughput.perSecond()),
                        latency == null || torchLatency == null ? ""
                                : String.format(Locale.ROOT, "%.2fx", torchLatency.medianMs() / latency.medianMs()),
                        throughput == null || torchThroughput == null ? ""
                                : String.format(Locale.ROOT, "%.2fx", throughput.perSecond() / torchThroughput.perSecond())));
            }
        }
        md.append("\nRatios above 1 mean Rewire is faster: PyTorch dense's best median latency over Rewire's, and Rewire's "
                + "throughput over PyTorch dense's best.\n");
        return md.toString();
    }

    private static String density(Row r) {
        return r.density() >= 0.9995 ? "1 (dense)"
                : new BigDecimal(r.density()).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static Row best(List<Row> rows, boolean torch, int batch, Comparator<Row> order) {
        return rows.stream().filter(r -> r.isTorch() == torch && r.batch() == batch).min(order).orElse(null);
    }

    private static Row find(List<Row> rows, String config, int batch) {
        return rows.stream().filter(r -> (r.side() + "," + r.density() + "," + r.threads()).equals(config)
                && r.batch() == batch).findFirst().orElse(null);
    }
}
