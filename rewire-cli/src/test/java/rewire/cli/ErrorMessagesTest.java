package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user hits first: each error says what is wrong with which file or option, and the exit code fits. */
class ErrorMessagesTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    // one epoch of a tiny MLP on tiny data, then `extra` overrides
    private String[] train(String... extra) throws IOException {
        List<String> overrides = new ArrayList<>(List.of("train.epochs=1", "model.hidden=[16]", "data.batchSize=32"));
        overrides.addAll(List.of(extra));
        return CliRun.trainOnTinyData(dir, 128, 32, overrides);
    }

    @Test
    void evalOnARunWithoutACheckpointSaysItHasNoneYetAndWhatToDo() throws IOException {
        assertEquals(0, cli.run(train()), cli.err());
        Path folder = CliRun.onlyRun(dir.resolve("runs"));
        Files.delete(folder.resolve("checkpoints/last.ckpt"));
        assertEquals(2, cli.run("eval", folder.toString()));
        assertTrue(cli.err().contains(folder + " has no checkpoint yet, so there is nothing to evaluate"), cli.err());
        assertTrue(cli.err().contains("rewire train " + folder.resolve("config.yaml")), cli.err());
    }

    @Test
    void aRunsFolderThatCannotBeCreatedNamesTrainRunsAndTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertEquals(2, cli.run(train("train.runs=" + file.resolve("runs"))));
        String err = cli.err().strip();
        assertTrue(err.startsWith("rewire train: train.runs: cannot create the run folder " + file.resolve("runs")),
                err);
        assertFalse(err.endsWith(file.resolve("runs").toString()) || err.matches("(?s).*-\\d{8}-\\d{6}"),
                "the OS reason follows the path: " + err);
    }

    @Test
    void aNanLossBeforeTheFirstCheckpointSaysNoneWasWritten() throws IOException {
        assertEquals(1, cli.run(train("optim.lr=1e30", "train.checkpointEvery=1000")));
        assertTrue(cli.err().contains("the loss is"), cli.err());
        assertFalse(cli.err().contains("last good checkpoint is kept"), cli.err());
        assertTrue(cli.err().contains("no checkpoint was written before it, so the run cannot be resumed"), cli.err());
    }

    @Test
    void anEmptyTextFileForTheGptIsNamed() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertEquals(2, cli.run("train", "workload=gpt", "data.text=" + empty, "train.runs=" + dir.resolve("runs")));
        assertTrue(cli.err().contains("data.text: " + empty + " is empty"), cli.err());
    }

    @Test
    void aMissingScenarioFileIsBadInputThatNamesIt() {
        Path missing = dir.resolve("no-such-scenario.json");
        assertEquals(2, cli.run("train", "workload=marl", "env.scenario=" + missing,
                "train.runs=" + dir.resolve("runs")));
        assertTrue(cli.err().contains("env.scenario: no scenario file at " + missing), cli.err());
    }

    @Test
    void sampleOptionsOutOfRangeNameTheOption() {
        assertEquals(2, cli.run("sample", dir.toString(), "--tokens", "-1"));
        assertTrue(cli.err().contains("--tokens must be >= 0, got -1"), cli.err());
        assertEquals(2, cli.run("sample", dir.toString(), "--temperature", "-0.5"));
        assertTrue(cli.err().contains("--temperature must be >= 0, got -0.5"), cli.err());
    }

    /** Every command's help is formatted without a picocli warning (a bare % in a description makes one). */
    @Test
    void everyHelpPrintsWithoutAFormatWarning() {
        PrintStream original = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : Main.commandLine().getSubcommands().keySet()) {
                assertEquals(0, cli.run(command, "--help"), command);
            }
        } finally {
            System.setErr(original);
        }
        String printed = warnings.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("picocli WARN"), printed);
        assertTrue(cli.out().contains("RigL at 90%"), "train's help shows the percent sign");
    }
}
