package rewire.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import rewire.train.Score;

/**
 * The self-contained report page of one run: inline CSS, PNGs embedded as base64 data URIs,
 * nothing fetched from anywhere, every piece of run text escaped.
 */
final class ReportPage {
    private static final String CSS_RESOURCE = "report.css";

    private ReportPage() {
    }

    /** The page for {@code run} with {@code plots}, then the images the workload {@code kept}, embedded in order. */
    static String render(RunData run, List<Plot> plots, List<Plot> kept) throws IOException {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .element("title", "", "Rewire run " + run.name())
                .raw("<style>\n").raw(css()).raw("</style>\n</head>\n<body>\n<main>\n");
        header(html, run);
        html.open("section", "tables");
        if (run.summary().isPresent()) {
            ReportTables.summary(html, run, run.summary().get());
        } else {
            progressNotice(html, run);
        }
        ReportTables.environment(html, run);
        html.close("section");
        if (run.summary().isPresent()) {
            ReportTables.compute(html, run.summary().get());
        }
        if (!run.record().layers().isEmpty()) {
            ReportTables.layers(html, run.record().layers());
        }
        plots(html, "Plots", plots);
        plots(html, "Images from the evaluations", kept);
        if (run.record().config() instanceof Map<?, ?> config && !config.isEmpty()) {
            ReportTables.config(html, config);
        }
        html.open("footer", "").text("Rebuild this page with: rewire report " + run.folder()).close("footer");
        html.raw("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(Html html, RunData run) {
        html.open("header", "");
        html.element("h1", "", run.name());
        html.open("p", "status-line").element("span", "status " + statusClass(run.status()), run.status());
        if (run.record().startedAt() != null) {
            html.text(" started " + Formats.timestamp(run.record().startedAt()));
        }
        html.close("p");
        for (String warning : run.record().warnings()) {
            html.element("p", "warning", "Warning: " + warning);
        }
        html.close("header");
    }

    // The CSS class of a status: its first word (running, finished, failed, stopped) or "unknown".
    static String statusClass(String status) {
        String word = status.split("[:\\s]", 2)[0].toLowerCase(Locale.ROOT);
        return switch (word) {
            case "running", "finished", "failed", "stopped" -> word;
            default -> "unknown";
        };
    }

    // Stands in for the summary while the run has none: the latest logged step and evaluation.
    private static void progressNotice(Html html, RunData run) {
        html.open("div", "notice").element("h2", "", "Run in progress");
        html.element("p", "", "The summary appears when the run ends.");
        Optional<MetricPoint> latest = run.metrics().values().stream().flatMap(List::stream)
                .max(Comparator.comparingLong(MetricPoint::step));
        latest.ifPresent(p -> html.element("p", "", "Latest logged step " + Formats.count(p.step())
                + (p.epoch() >= 0 ? ", epoch " + p.epoch() : "")
                + (Double.isFinite(p.elapsedSeconds()) ? ", " + Formats.seconds(p.elapsedSeconds()) + " in" : "")
                + "."));
        List<MetricPoint> evaluations = run.evaluations();
        if (!evaluations.isEmpty() && !run.scores().isEmpty()) {
            MetricPoint t = evaluations.getLast();
            Score primary = run.scores().get(0);
            html.element("p", "", "Last " + primary.label() + " " + Formats.score(primary, t.get(primary.key()))
                    + " at step " + Formats.count(t.step()) + ".");
        }
        html.close("div");
    }

    private static void plots(Html html, String heading, List<Plot> plots) {
        if (plots.isEmpty()) {
            return;
        }
        html.open("section", "plots").element("h2", "", heading);
        for (Plot plot : plots) {
            html.open("figure", "")
                    .raw("<img alt=\"").text(plot.title()).raw("\" src=\"data:image/png;base64,")
                    .raw(Base64.getEncoder().encodeToString(plot.png())).raw("\">")
                    .element("figcaption", "", plot.caption())
                    .close("figure");
        }
        html.close("section");
    }

    private static String css() throws IOException {
        try (InputStream in = ReportPage.class.getResourceAsStream(CSS_RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + CSS_RESOURCE + " next to " + ReportPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
