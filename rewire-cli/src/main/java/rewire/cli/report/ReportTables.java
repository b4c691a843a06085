package rewire.cli.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rewire.io.Json;
import rewire.run.RunRecord;
import rewire.run.RunSummary;
import rewire.train.Score;


/** The tables of a run report: summary, compute against the dense twin, environment, layers, config. */
final class ReportTables {
    private ReportTables() {
    }

    /** The scores of the last evaluation, best score, size, time and memory of a finished run. */
    static void summary(Html html, RunData run, RunSummary s) {
        html.open("table", "kv").raw("<caption>Summary</caption>\n");
        for (Score score : run.scores()) {
            html.row(capitalized(score.label()), Formats.score(score, s.value(score.key())));
        }
        if (s.bestStep() != null && !run.scores().isEmpty()) {
            Score primary = run.scores().get(0);
            html.row("Best " + primary.label(), Formats.score(primary, s.bestScore()) + " at step "
                    + Formats.count(s.bestStep()) + " (checkpoints/best.ckpt)");
        }
        html.row("Epochs / steps", Formats.number(s.epochs()) + " / " + Formats.count(s.steps()));
        html.row("Parameters (dense twin)", Formats.count(s.parameters()));
        html.row("Stored weights (nnz)", Formats.count(s.nnz()));
        html.row("Density", Formats.percent(s.density()));
        html.row("Wall-clock", Formats.seconds(s.wallClockSeconds()));
        html.row("Throughput", Double.isFinite(s.samplesPerSecond())
                ? Formats.number(Math.round(s.samplesPerSecond())) + " " + s.sampleUnit() + "/s" : Formats.ABSENT);
        html.row("Peak heap", Formats.bytes(s.peakHeapBytes()));
        html.row("Peak RSS", Formats.bytes(s.peakRssBytes()));
        html.close("table");
    }

    static String capitalized(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
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

    /** Machine, JVM, kernels, plus the run's seed and revision; fields this page does not know are listed as written. */
    static void environment(Html html, RunData run) {
        RunRecord r = run.record();
        Map<String, Object> env = new LinkedHashMap<>(r.environment() == null ? Map.of() : r.environment());
        html.open("table", "kv").raw("<caption>Environment</caption>\n");
        html.row("JDK", text(env.remove("jdk")));
        Object cores = env.remove("cores");
        html.row("CPU", text(env.remove("cpu")) + (cores instanceof Number n && n.intValue() > 0 ? ", " + n + " cores" : ""));
        Object reason = env.remove("kernelReason");
        html.row("Kernel provider", text(env.remove("kernelProvider"))
                + (reason == null || reason.toString().isEmpty() ? "" : " (" + reason + ")"));
        html.row("BLAS", text(env.remove("blas")));
        Object width = env.remove("vectorWidth");
        html.row("Vector width", width instanceof Number n && n.intValue() > 0
                ? n.intValue() + " floats (" + 32 * n.intValue() + " bits)" : Formats.ABSENT);
        Object threads = env.remove("threads");
        html.row("Threads", threads instanceof Number n && n.intValue() > 0 ? Integer.toString(n.intValue()) : Formats.ABSENT);
        env.forEach((key, value) -> html.row(key, value instanceof String t ? t : Json.write(value)));
        html.row("Seed", Long.toString(r.seed()));
        html.row("Git revision", text(r.gitRevision()));
        html.row("Started", Formats.timestamp(r.startedAt()));
        html.row("Finished", Formats.timestamp(r.finishedAt()));
        html.close("table");
    }

    private static String text(Object value) {
        return value == null || value.toString().isEmpty() ? Formats.ABSENT : value.toString();
    }

    /** One row per layer: group, kind, weight shape, nnz, density, storage. */
    static void layers(Html html, List<RunRecord.Layer> layers) {
        html.open("table", "grid layers").raw("<caption>Layers</caption>\n");
        html.headerRow("layer", "group", "kind", "shape (out \u00d7 in)", "weights", "nnz", "density", "representation");
        for (RunRecord.Layer l : layers) {
            html.row(l.name(), l.group() == null ? Formats.ABSENT : l.group(), l.kind(),
                    Formats.count(l.out()) + " \u00d7 " + Formats.count(l.in()), Formats.count((long) l.in() * l.out()),
                    Formats.count(l.nnz()), Formats.percent(l.density()), representation(l.representation()));
        }
        html.close("table");
    }

    /** The resolved configuration, nested keys joined with dots. */
    static void config(Html html, Map<?, ?> config) {
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
        if (written == null) {
            return Formats.ABSENT;
        }
        return switch (written.toUpperCase(Locale.ROOT)) {
            case "CSR" -> "CSR";
            case "DENSE_MASKED" -> "dense with mask";
            case "DENSE" -> "dense";
            case "" -> Formats.ABSENT;
            default -> written;
        };
    }
}
