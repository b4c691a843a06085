package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void helpNamesTheArgumentAndWhatIsWritten() {
        assertEquals(0, cli.run("report", "--help"));
        String help = cli.out();
        assertTrue(help.contains("Usage: rewire report") && help.contains("RUN"), help);
        assertTrue(help.contains("report.html") && help.contains("plots/"), help);
    }

    @Test
    void rebuildsTheReportOfARunFolder() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"r\", \"status\": \"finished\"}");
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\": 1, \"split\": \"train\", \"loss\": 2.0}\n");
        assertEquals(0, cli.run("report", dir.toString()));
        assertEquals(dir.resolve("report.html") + System.lineSeparator(), cli.out());
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertTrue(Files.exists(dir.resolve("plots/loss.png")));
    }

    @Test
    void aFolderThatIsNotARunFailsWithExitCodeOne() {
        assertEquals(1, cli.run("report", dir.toString()));
        assertTrue(cli.err().contains("is not a run folder"), cli.err());
    }
}
