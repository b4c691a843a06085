package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpNamesTheArgumentAndWhatIsWritten() {
        assertEquals(0, run("report", "--help"));
        String help = out.toString();
        assertTrue(help.contains("Usage: rewire report") && help.contains("RUN"), help);
        assertTrue(help.contains("report.html") && help.contains("plots/"), help);
    }

    @Test
    void rebuildsTheReportOfARunFolder() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"r\", \"status\": \"finished\"}");
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\": 1, \"split\": \"train\", \"loss\": 2.0}\n");
        assertEquals(0, run("report", dir.toString()));
        assertEquals(dir.resolve("report.html") + System.lineSeparator(), out.toString());
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertTrue(Files.exists(dir.resolve("plots/loss.png")));
    }

    @Test
    void aFolderThatIsNotARunFailsWithExitCodeOne() {
        assertEquals(1, run("report", dir.toString()));
        assertTrue(err.toString().contains("is not a run folder"), err.toString());
    }
}
