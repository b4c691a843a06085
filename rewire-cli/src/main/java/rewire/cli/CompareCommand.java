package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.cli.report.Formats;
import rewire.cli.report.RunData;
import rewire.cli.report.RunReader;
import rewire.run.RunSummary;
import rewire.train.Score;

/**
 * {@code rewire compare RUN...}: one Markdown table row per run, with each run's primary score
 * named as its workload names it (test accuracy, validation loss, test win rate), columns padded
 * so the table reads in a terminal as well as rendered.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Print a Markdown table comparing runs: recipe, density, epochs, the workload's score (test "
                + "accuracy, validation loss, win rate), training and inference FLOPs relative to the dense twin, "
                + "wall clock and throughput.")
final class CompareCommand implements Callable<Integer> {
    private static final List<String> HEADER = List.of("run", "recipe", "density", "epochs", "score", "value",
            "training FLOPs vs dense", "inference FLOPs vs dense", "wall clock", "throughput");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders.")
    List<Path> runs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Path run : runs) {
            rows.add(row(RunReader.read(run)));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(MarkdownTable.render(HEADER, rows, List.of(false, false, true, true, false, true, true, true, true,
                true)));
        out.flush();
        return 0;
    }

    private static List<String> row(RunData data) {
        String recipe = data.record().recipes();
        if (data.summary().isEmpty()) {
            return List.of(data.name(), recipe, "", "", "(" + data.status() + ")", "", "", "", "", "");
        }
        RunSummary s = data.summary().get();
        Score primary = data.scores().isEmpty() ? null : data.scores().get(0);
        return List.of(data.name(), recipe, String.format(Locale.ROOT, "%.4f", s.density()),
                String.format(Locale.ROOT, "%.3g", s.epochs()), primary == null ? "?" : primary.label(),
                primary == null ? "?" : primary.format(s.value(primary.key())),
                String.format(Locale.ROOT, "%.3f", s.trainingFlopsRatio()),
                String.format(Locale.ROOT, "%.3f", s.inferenceFlopsRatio()),
                Formats.seconds(s.wallClockSeconds()),
                String.format(Locale.ROOT, "%,.0f %s/s", s.samplesPerSecond(), s.sampleUnit()));
    }
}
