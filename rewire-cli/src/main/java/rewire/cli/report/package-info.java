/**
 * Run reports: {@link rewire.cli.report.RunReader} reads a run folder (run.json, metrics.jsonl,
 * rewire.jsonl; format in docs/run-folder.md) into a {@link rewire.cli.report.RunData},
 * {@link rewire.cli.report.Plots} renders its charts as PNGs (xchart, headless; the connectivity
 * heat map with java.awt), and {@link rewire.cli.report.ReportBuilder} writes the plots and a
 * self-contained {@code report.html} into the folder.
 *
 * <p>Reading is tolerant of a run in progress (no summary, a half-written last line) and of
 * missing optional files; anything else malformed is a {@link rewire.cli.report.RunFormatException}
 * naming the file and line.
 */
package rewire.cli.report;
