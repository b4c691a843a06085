package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

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
