package rewire.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The parts of run.json, each read with the checks and defaults the format allows. */
record RunJson(String name, String status, String startedAt, String finishedAt, OptionalLong seed,
               String gitRevision, RunEnvironment environment, Map<String, Object> config, List<LayerInfo> layers,
               Optional<RunSummary> summary, Optional<Connectivity> connectivity, String score) {

    /** Reads the run.json object {@code run}; a missing name falls back to the folder's name. */
    static RunJson of(JsonFields run, Path folder) throws RunFormatException {
        Path fileName = folder.toAbsolutePath().normalize().getFileName();
        return new RunJson(run.string("name", fileName == null ? "run" : fileName.toString()),
                run.string("status", "unknown"), run.string("startedAt", ""), run.string("finishedAt", ""),
                run.count("seed"), run.string("gitRevision", "unknown"), environment(run.object("environment")),
                run.raw("config"), layers(run.object("model")),
                run.has("summary") ? Optional.of(summary(run.object("summary"))) : Optional.empty(),
                run.has("connectivity") ? Optional.of(connectivity(run.object("connectivity"))) : Optional.empty(),
                run.string("score", "test accuracy"));
    }

    private static RunEnvironment environment(JsonFields env) throws RunFormatException {
        return new RunEnvironment(env.string("jdk", "unknown"), env.string("cpu", "unknown"),
                (int) env.count("cores").orElse(0), env.string("kernelProvider", "unknown"),
                env.string("kernelReason", ""), (int) env.count("vectorWidth").orElse(0),
                env.string("blas", "unknown"), (int) env.count("threads").orElse(0));
    }

    private static List<LayerInfo> layers(JsonFields model) throws RunFormatException {
        List<LayerInfo> result = new ArrayList<>();
        for (JsonFields layer : model.objects("layers")) {
            long in = layer.requiredCount("in");
            long out = layer.requiredCount("out");
            long nnz = layer.requiredCount("nnz");
            double density = layer.has("density") ? layer.number("density") : (double) nnz / ((double) in * out);
            result.add(new LayerInfo(layer.requiredString("name"), layer.string("kind", "sparse"), in, out, nnz,
                    density, layer.string("representation", "")));
        }
        return result;
    }

    private static RunSummary summary(JsonFields s) throws RunFormatException {
        double trainingFlops = s.number("trainingFlops");
        double denseTrainingFlops = s.number("denseTrainingFlops");
        double inferenceFlops = s.number("inferenceFlops");
        double denseInferenceFlops = s.number("denseInferenceFlops");
        return new RunSummary(s.number("testAccuracy"), s.number("testLoss"), s.count("epochs"), s.count("steps"),
                s.count("parameters"), s.count("nnz"), s.number("density"),
                trainingFlops, denseTrainingFlops, ratio(s, "trainingFlopsRatio", trainingFlops, denseTrainingFlops),
                inferenceFlops, denseInferenceFlops,
                ratio(s, "inferenceFlopsRatio", inferenceFlops, denseInferenceFlops),
                s.number("wallClockSeconds"), s.number("samplesPerSecond"),
                s.count("peakHeapBytes"), s.count("peakRssBytes"));
    }

    // The written ratio, else sparse / dense (NaN when either is missing or dense is 0).
    private static double ratio(JsonFields s, String key, double sparse, double dense) throws RunFormatException {
        double written = s.number(key);
        return !Double.isNaN(written) || !(dense > 0) ? written : sparse / dense;
    }

    private static Connectivity connectivity(JsonFields c) throws RunFormatException {
        long[] counts = c.counts("counts");
        long[] shape = c.counts("shape");
        int rows;
        int cols;
        if (shape.length == 2) {
            rows = (int) shape[0];
            cols = (int) shape[1];
        } else if (shape.length == 0) {
            // No shape written: a square image when the count allows it, else one row.
            int side = (int) Math.round(Math.sqrt(counts.length));
            rows = side * side == counts.length ? side : 1;
            cols = counts.length / Math.max(rows, 1);
        } else {
            throw c.error("connectivity \"shape\" must have 2 entries, got " + shape.length);
        }
        if (counts.length == 0 || (long) rows * cols != counts.length) {
            throw c.error("connectivity has " + counts.length + " counts for shape " + rows + "x" + cols);
        }
        return new Connectivity(c.string("layer", ""), rows, cols, counts);
    }
}
