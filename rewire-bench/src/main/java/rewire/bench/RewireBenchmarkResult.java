package rewire.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rewire.io.Json;
import tools.jackson.databind.JsonNode;

/**
 * One result of {@link RewireBenchmark} read back from JMH's JSON output ({@code -rf json}, run
 * with {@code -prof gc}).
 *
 * @param op           {@code update} or {@code freshLayer} (the setup-only baseline)
 * @param grower       the grower parameter
 * @param layer        {@code out x in}, such as "4096x4096"
 * @param batch        the batch of x and dy
 * @param density      the layer's density
 * @param threads      {@code -Drewire.threads}
 * @param ms           average milliseconds per operation
 * @param msError      JMH's 99.9% confidence half-width, NaN with fewer than two iterations
 * @param msMin        the fastest measurement iteration's average
 * @param msMax        the slowest measurement iteration's average
 * @param allocBytes   bytes allocated per operation ({@code gc.alloc.rate.norm}), NaN without {@code -prof gc}
 * @param iterations   warmup and measurement iterations with their time, as "3 x 2 s + 5 x 2 s"
 */
record RewireBenchmarkResult(String op, String grower, String layer, int batch, double density, int threads,
                             double ms, double msError, double msMin, double msMax, double allocBytes,
                             String iterations) {
    static final String UPDATE = "update";
    static final String BASELINE = "freshLayer";
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";

    int out() {
        return Integer.parseInt(layer.substring(0, layer.indexOf('x')));
    }

    int in() {
        return Integer.parseInt(layer.substring(layer.indexOf('x') + 1));
    }

    /** Connections of the layer, as {@link RewireBenchmarkLayer} rounds them. */
    long nnz() {
        return Math.round(density * out() * (double) in());
    }

    /** Reads every {@link RewireBenchmark} result of one JMH JSON file. */
    static List<RewireBenchmarkResult> read(Path json) throws IOException {
        List<RewireBenchmarkResult> out = new ArrayList<>();
        String prefix = RewireBenchmark.class.getName() + ".";
        for (JsonNode result : Json.mapper().readTree(json)) {
            String benchmark = result.get("benchmark").asString();
            if (!benchmark.startsWith(prefix)) {
                continue;
            }
            JsonNode params = result.get("params");
            JsonNode metric = result.get("primaryMetric");
            if (!metric.get("scoreUnit").asString().equals("ms/op")) {
                throw new IOException(json + ": expected ms/op for " + benchmark + ", got " + metric.get("scoreUnit"));
            }
            out.add(new RewireBenchmarkResult(benchmark.substring(prefix.length()), params.get("grower").asString(),
                    params.get("layer").asString(), params.get("batch").asInt(), params.get("density").asDouble(),
                    params.get("threads").asInt(), metric.get("score").asDouble(), number(metric.get("scoreError")),
                    rawExtreme(metric, -1), rawExtreme(metric, 1), allocNorm(result.get("secondaryMetrics")),
                    iterations(result)));
        }
        return out;
    }

    // JMH 1.37 names it "gc.alloc.rate.norm"; older versions put a middle dot in front
    private static double allocNorm(JsonNode secondary) throws IOException {
        if (secondary == null) {
            return Double.NaN;
        }
        for (Map.Entry<String, JsonNode> m : secondary.properties()) {
            if (m.getKey().endsWith(ALLOC_NORM)) {
                if (!m.getValue().get("scoreUnit").asString().equals("B/op")) {
                    throw new IOException("expected B/op for " + ALLOC_NORM + ", got " + m.getValue().get("scoreUnit"));
                }
                return m.getValue().get("score").asDouble();
            }
        }
        return Double.NaN;
    }

    // the smallest (sign -1) or largest (sign 1) per-iteration score over all forks, NaN without raw data
    private static double rawExtreme(JsonNode metric, int sign) {
        double best = Double.NaN;
        JsonNode raw = metric.get("rawData");
        for (JsonNode fork : raw == null ? List.<JsonNode>of() : raw) {
            for (JsonNode v : fork) {
                double x = v.asDouble();
                best = Double.isNaN(best) || Double.compare(x, best) == sign ? x : best;
            }
        }
        return best;
    }

    // JMH writes an unknown error as the string "NaN", which Jackson 3 does not read as a number
    private static double number(JsonNode n) {
        return n.isString() ? Double.parseDouble(n.asString()) : n.asDouble();
    }

    private static String iterations(JsonNode r) {
        return r.get("warmupIterations").asInt() + " x " + r.get("warmupTime").asString() + " + "
                + r.get("measurementIterations").asInt() + " x " + r.get("measurementTime").asString();
    }
}
