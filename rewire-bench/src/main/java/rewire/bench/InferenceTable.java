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
 * A classifier's unit is an example; the GPT's is a generated token ({@link GptDecodeBench}), whose
 * batch-1 rows also come from Rewire recomputing the context for every token ({@code rewire-recompute}).
 */
final class InferenceTable {
    private static final List<String> SIDES = List.of("torch", "rewire", "rewire-recompute");

    private InferenceTable() {
    }

    /**
     * One measured line of {@link PredictBench} or torch_predict.py.
     *
     * @param side      torch, rewire, or rewire-recompute (the GPT without its key/value cache)
     * @param model     mlp, cnn or gpt
     * @param density   stored weights over dense (1 for PyTorch)
     * @param medianMs  median milliseconds per call (per generated token for the GPT)
     * @param p90Ms     90th percentile milliseconds per call
     * @param perSecond examples (tokens) per second at the median call
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
                if (!SIDES.contains(f[0])) {
                    throw new IllegalArgumentException("an inference line's side '" + f[0] + "' is not one of "
                            + SIDES + ": " + line);
                }
                rows.add(new Row(f[0], f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
            }
            return rows;
        }

        boolean isTorch() {
            return side.equals("torch");
        }

        String sideName() {
            return switch (side) {
                case "torch" -> "PyTorch dense";
                case "rewire-recompute" -> "Rewire, no KV cache";
                default -> "Rewire";
            };
        }
    }

    static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| model | side | density | threads | batch 1: ms per example or token (median / p90) "
                + "| batch 256: examples or tokens/s | latency vs PyTorch dense | throughput vs PyTorch dense "
                + "| batch 1: examples or tokens/s |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Set<String> models = new LinkedHashSet<>();
        rows.forEach(r -> models.add(r.model()));
        for (String model : models) {
            List<Row> of = rows.stream().filter(r -> r.model().equals(model)).toList();
            Row torchLatency = best(of, true, 1, Comparator.comparingDouble(Row::medianMs));
            Row torchThroughput = best(of, true, 256, Comparator.comparingDouble(r -> -r.perSecond()));
            Set<String> configs = new LinkedHashSet<>();
            of.stream().sorted(Comparator.comparing((Row r) -> !r.isTorch()).thenComparing(r -> -r.density())
                    .thenComparing(Row::side).thenComparingInt(Row::threads))
                    .forEach(r -> configs.add(r.side() + "," + r.density() + "," + r.threads()));
            for (String config : configs) {
                md.append(line(model, find(of, config, 1), find(of, config, 256), torchLatency, torchThroughput));
            }
        }
        md.append("\nRatios above 1 mean Rewire is faster: PyTorch dense's best median latency over Rewire's, and Rewire's "
                + "throughput over PyTorch dense's best.\n");
        return md.toString();
    }

    // one configuration's row from its batch-1 and batch-256 rows (either may be missing) and PyTorch's best
    private static String line(String model, Row latency, Row throughput, Row torchLatency, Row torchThroughput) {
        Row any = latency != null ? latency : throughput;
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s |%n", model,
                any.sideName(), density(any), any.threads(),
                latency == null ? "" : String.format(Locale.ROOT, "%.3f / %.3f", latency.medianMs(), latency.p90Ms()),
                throughput == null ? "" : String.format(Locale.ROOT, "%,.0f", throughput.perSecond()),
                latency == null || torchLatency == null ? ""
                        : String.format(Locale.ROOT, "%.2fx", torchLatency.medianMs() / latency.medianMs()),
                throughput == null || torchThroughput == null ? ""
                        : String.format(Locale.ROOT, "%.2fx", throughput.perSecond() / torchThroughput.perSecond()),
                latency == null ? "" : String.format(Locale.ROOT, "%,.0f", latency.perSecond()));
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
