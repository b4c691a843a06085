package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.cli.report.RunData;
import rewire.cli.report.RunReader;
import rewire.cli.report.RunSummary;

/** {@code rewire compare RUN...}: one Markdown table row per finished run. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Print a Markdown table comparing finished runs: recipe, density, epochs, test accuracy, "
                + "training and inference FLOPs relative to the dense twin, wall clock and throughput.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders.")
    List<Path> runs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("| run | recipe | density | epochs | test accuracy | training FLOPs vs dense | "
                + "inference FLOPs vs dense | wall clock | samples/s |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Path run : runs) {
            RunData data = RunReader.read(run);
            if (data.summary().isEmpty()) {
                out.printf("| %s | (%s) | | | | | | | |%n", data.name(), data.status());
                continue;
            }
            RunSummary s = data.summary().get();
            out.printf("| %s | %s | %.4f | %s | %.2f%% | %.3f | %.3f | %.0f s | %.0f |%n", data.name(), recipe(data),
                    s.density(), s.epochs().isPresent() ? s.epochs().getAsLong() : "?", 100 * s.testAccuracy(),
                    s.trainingFlopsRatio(), s.inferenceFlopsRatio(), s.wallClockSeconds(), s.samplesPerSecond());
        }
        out.flush();
        return 0;
    }

    private static String recipe(RunData data) {
        Object sparsity = data.config().get("sparsity");
        return sparsity instanceof Map<?, ?> m && m.get("recipe") != null ? m.get("recipe").toString() : "?";
    }
}
