package rewire.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import rewire.io.AtomicFile;

/**
 * Rebuilds a run folder's plots ({@code plots/*.png}) and {@code report.html} from its files.
 * Safe to call while the run is still training: it reads what is there and replaces the outputs
 * atomically, so a browser never sees half a page.
 */
public final class ReportBuilder {
    /** The report's file name inside the run folder. */
    public static final String REPORT_HTML = "report.html";

    private ReportBuilder() {
    }

    /**
     * Reads {@code runFolder} and writes its plots and report.
     *
     * @return the path of the written report.html
     * @throws RunFormatException naming file and line when a run file is malformed
     */
    public static Path build(Path runFolder) throws IOException {
        return write(RunReader.read(runFolder));
    }

    /** Writes the plots and report of an already read run into its folder; returns report.html's path. */
    public static Path write(RunData run) throws IOException {
        List<Plot> plots = Plots.render(run);
        Plots.write(plots, run.folder().resolve(Plots.FOLDER));
        List<Plot> kept = Plots.kept(run.folder().resolve(Plots.FOLDER), plots);
        byte[] page = ReportPage.render(run, plots, kept).getBytes(StandardCharsets.UTF_8);
        Path report = run.folder().resolve(REPORT_HTML);
        AtomicFile.write(report, out -> out.write(page));
        return report;
    }
}
