package rewire.cli.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import rewire.io.Json;

/** The tables of a run report: summary, compute against the dense twin, environment, layers, config. */
final class ReportTables {
    private ReportTables() {
    }

    /** Score (labelled {@code score}, such as "test accuracy"), size, time and memory of a finished run. */
    static void summary(Html html, RunSummary s, String score) {
        html.open("table", "kv").raw("<caption>Summary</caption>\n");
        html.row(Character.toUpperCase(score.charAt(0)) + score.substring(1), Formats.percent(s.testAccuracy()));
        html.row("Test loss", Formats.number(s.testLoss()));
        html.row("Epochs / steps", Formats.count(s.epochs()) + " / " + Formats.count(s.steps()));
        html.row("Parameters (dense twin)", Formats.count(s.parameters()));
        html.row("Stored weights (nnz)", Formats.count(s.nnz()));
        html.row("Density", Formats.percent(s.density()));
        html.row("Wall-clock", Formats.seconds(s.wallClockSeconds()));
        html.row("Throughput", Double.isFinite(s.samplesPerSecond())
                ? Formats.number(Math.round(s.samplesPerSecond())) + " samples/s" : Formats.ABSENT);
        html.row("Peak heap", Formats.bytes(s.peakHeapBytes()));
        html.row("Peak RSS", Formats.bytes(s.peakRssBytes()));
        html.close("table");
    }

    /** Training and inference FLOPs of the run against its dense twin. */
    static void compute(Html html, RunSummary s) {
        html.open("table", "grid").raw("<caption>Compute vs the dense twin</caption>\n");
        html.headerRow("", "this run", "dense twin", "ratio");
        html.row("Training FLOPs", Formats.flops(s.trainingFlops()), Formats.flops(s.denseTrainingFlops()),
                Formats.ratio(s.trainingFlopsRatio()));
        html.row("Inference FLOPs / sample", Formats.flops(s.inferenceFlops()),
                Formats.flops(s.denseInferenceFlops()), Formats.ratio(s.inferenceFlopsRatio()));
        html.close("table");
    }

    /** Machine, JVM, kernels, plus the run's seed and revision. */
    static void environment(Html html, RunData run) {
        RunEnvironment e = run.environment();
        html.open("table", "kv").raw("<caption>Environment</caption>\n");
        html.row("JDK", e.jdk());
        html.row("CPU", e.cpu() + (e.cores() > 0 ? ", " + e.cores() + " cores" : ""));
        String reason = e.kernelReason().isEmpty() ? "" : " (" + e.kernelReason() + ")";
        html.row("Kernel provider", e.kernelProvider() + reason);
        html.row("BLAS", e.blas());
        html.row("Vector width", e.vectorWidth() > 0
                ? e.vectorWidth() + " floats (" + 32 * e.vectorWidth() + " bits)" : Formats.ABSENT);
        html.row("Threads", e.threads() > 0 ? Integer.toString(e.threads()) : Formats.ABSENT);
        html.row("Seed", run.seed().isPresent() ? Long.toString(run.seed().getAsLong()) : Formats.ABSENT);
        html.row("Git revision", run.gitRevision());
        html.row("Started", run.startedAt().isEmpty() ? Formats.ABSENT : run.startedAt());
        html.row("Finished", run.finishedAt().isEmpty() ? Formats.ABSENT : run.finishedAt());
        html.close("table");
    }

    /** One row per layer: kind, weight shape, nnz, density, storage. */
    static void layers(Html html, List<LayerInfo> layers) {
        html.open("table", "grid layers").raw("<caption>Layers</caption>\n");
        html.headerRow("layer", "kind", "shape (out \u00d7 in)", "weights", "nnz", "density", "representation");
        for (LayerInfo l : layers) {
            html.row(l.name(), l.kind(), Formats.count(l.out()) + " \u00d7 " + Formats.count(l.in()),
                    Formats.count(l.in() * l.out()), Formats.count(l.nnz()), Formats.percent(l.density()),
                    representation(l.representation()));
        }
        html.close("table");
    }

    /** The resolved configuration, nested keys joined with dots. */
    static void config(Html html, Map<String, Object> config) {
        html.open("table", "kv config").raw("<caption>Resolved configuration</caption>\n");
        flatten(html, "", config);
        html.close("table");
    }

    private static void flatten(Html html, String prefix, Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(html, key + ".", nested);
            } else {
                html.row(key, e.getValue() instanceof String s ? s : Json.write(e.getValue()));
            }
        }
    }

    private static String representation(String written) {
        return switch (written.toUpperCase(Locale.ROOT)) {
            case "CSR" -> "CSR";
            case "DENSE_MASKED" -> "dense with mask";
            case "DENSE" -> "dense";
            case "" -> Formats.ABSENT;
            default -> written;
        };
    }
}
