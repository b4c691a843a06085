package rewire.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rewire.io.Json;
import tools.jackson.databind.JsonNode;

/**
 * One result of a layer benchmark ({@link SparseLinearBenchmark}, {@link StructuredLinearBenchmark})
 * read back from JMH's JSON output ({@code -rf json}).
 *
 * @param op         forward, inputGrad, weightGrad or step
 * @param weights    the benchmark's weights parameter: sparse or dense; dense, csr or diagonal
 * @param config     layer, batch and threads
 * @param density    the density parameter (ignored by dense runs)
 * @param repetition which run of the grid this came from (one JSON file each)
 * @param ms         average milliseconds per operation
 */
record LayerRun(String op, String weights, Config config, double density, int repetition, double ms) {

    /** A layer configuration: the table a run belongs in. */
    record Config(String layer, int batch, int threads) implements Comparable<Config> {
        int out() {
            return Integer.parseInt(layer.substring(0, layer.indexOf('x')));
        }

        int in() {
            return Integer.parseInt(layer.substring(layer.indexOf('x') + 1));
        }

        @Override
        public int compareTo(Config o) {
            int byLayer = Long.compare((long) out() * in(), (long) o.out() * o.in());
            if (byLayer != 0) {
                return byLayer;
            }
            return batch != o.batch ? Integer.compare(batch, o.batch) : Integer.compare(threads, o.threads);
        }

        @Override
        public String toString() {
            return layer + ", batch " + batch + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    /** The JVM that ran the benchmarks and the JMH settings, as JMH recorded them. */
    record Jvm(String jdkVersion, String vmName, String vmVersion, String jvmArgs, String jmh) {
    }

    /** Reads the results of {@code benchmark} in one JMH JSON file as repetition {@code repetition}. */
    static List<LayerRun> read(Path json, int repetition, Class<?> benchmark) throws IOException {
        List<LayerRun> runs = new ArrayList<>();
        for (JsonNode result : Json.mapper().readTree(json)) {
            String name = result.get("benchmark").asString();
            if (!name.startsWith(benchmark.getName() + ".")) {
                continue;
            }
            JsonNode params = result.get("params");
            JsonNode metric = result.get("primaryMetric");
            if (!metric.get("scoreUnit").asString().equals("ms/op")) {
                throw new IOException(json + ": expected ms/op for " + name + ", got " + metric.get("scoreUnit"));
            }
            Config config = new Config(params.get("layer").asString(), params.get("batch").asInt(), params.get("threads").asInt());
            runs.add(new LayerRun(name.substring(name.lastIndexOf('.') + 1), params.get("weights").asString(),
                    config, params.get("density").asDouble(), repetition, metric.get("score").asDouble()));
        }
        return runs;
    }

    /** The JVM of the first result in a JMH JSON file. */
    static Jvm jvm(Path json) throws IOException {
        JsonNode first = Json.mapper().readTree(json).get(0);
        if (first == null) {
            throw new IOException(json + " holds no results");
        }
        List<String> args = new ArrayList<>();
        first.get("jvmArgs").forEach(a -> args.add(a.asString()));
        String jmh = first.get("mode").asString() + ", " + first.get("warmupIterations").asInt() + " x "
                + first.get("warmupTime").asString() + " warmup, " + first.get("measurementIterations").asInt() + " x "
                + first.get("measurementTime").asString() + " measurement, " + first.get("forks").asInt() + " fork(s), JMH "
                + first.get("jmhVersion").asString();
        return new Jvm(first.get("jdkVersion").asString(), first.get("vmName").asString(), first.get("vmVersion").asString(),
                String.join(" ", args), jmh);
    }
}
