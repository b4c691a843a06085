package rewire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.cli.report.ReportBuilder;

/** {@code rewire report RUN}: rebuilds a run folder's plots and report.html from its files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild the plots (plots/*.png) and the self-contained report.html of a run folder "
                + "from its run.json, metrics.jsonl and rewire.jsonl, and print the report's path.",
            "Works on a run that is still training: the report then shows its progress so far."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:the folder is not a run folder, or a run file is malformed"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "The run folder, for example runs/rigl-mlp-20261122-154000.")
    Path run;

    @Override
    public Integer call() {
        try {
            Path report = ReportBuilder.build(run);
            spec.commandLine().getOut().println(report);
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("rewire report: " + e.getMessage());
            return 1;
        }
    }
}
