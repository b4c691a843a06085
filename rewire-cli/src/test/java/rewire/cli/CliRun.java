package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import rewire.data.IdxFiles;

/** Runs {@code rewire} commands in-process for tests, collecting what they print. */
final class CliRun {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line; returns its exit code. Output accumulates over calls. */
    int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Everything printed to standard output so far. */
    String out() {
        return out.toString();
    }

    /** Everything printed to standard error so far. */
    String err() {
        return err.toString();
    }

    /**
     * Writes a tiny Fashion-MNIST-shaped dataset to {@code dir/data} ({@code train} and {@code test}
     * examples) and returns the arguments of a {@code train} on it with runs under {@code dir/runs},
     * then {@code overrides}.
     */
    static String[] trainOnTinyData(Path dir, int train, int test, List<String> overrides) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeFashionMnistLike(dir.resolve("data"), train, test);
        List<String> args = new ArrayList<>(List.of("train", "data.dir=" + dir.resolve("data"),
                "train.runs=" + dir.resolve("runs")));
        args.addAll(overrides);
        return args.toArray(String[]::new);
    }

    /** The single run folder under {@code runs}; fails when there is not exactly one. */
    static Path onlyRun(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs)) {
            List<Path> all = folders.toList();
            if (all.size() != 1) {
                throw new AssertionError("expected one run folder in " + runs + ", found " + all);
            }
            return all.get(0);
        }
    }
}
