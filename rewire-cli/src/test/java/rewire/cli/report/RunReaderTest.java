package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsAFinishedRun() throws IOException {
        RunData run = RunReader.read(RunFixture.finished(dir, "rigl-mlp"));
        RunSummary s = run.summary().orElseThrow();
        assertAll(
                () -> assertEquals("rigl-mlp", run.name()),
                () -> assertEquals("finished", run.status()),
                () -> assertEquals(42, run.seed().getAsLong()),
                () -> assertEquals(16, run.environment().vectorWidth()),
                () -> assertEquals(List.of("fc1", "fc2", "out"), run.layers().stream().map(LayerInfo::name).toList()),
                () -> assertEquals(0.885, s.testAccuracy()),
                () -> assertEquals(279701, s.nnz().getAsLong()),
                // Not written: computed from the FLOP counts.
                () -> assertEquals(1.2e12 / 9.9e12, s.trainingFlopsRatio(), 1e-12),
                () -> assertEquals(0.1, s.inferenceFlopsRatio()),
                () -> assertEquals(30, run.split("train").size()),
                () -> assertEquals(List.of(100L, 200L, 300L), run.split("test").stream().map(MetricPoint::step).toList()),
                () -> assertTrue(Double.isNaN(run.split("test").getFirst().lr()), "test lines carry no lr"),
                () -> assertEquals(12, run.rewires().get("fc2").size()),
                () -> assertEquals(0, run.rewires().get("fc2").getFirst().regrown(), "absent count reads as 0"),
                () -> assertEquals(28, run.connectivity().orElseThrow().rows()),
                () -> assertEquals(List.of(1000, 1000), ((List<?>) run.config().get("hidden")).stream()
                        .map(v -> ((Long) v).intValue()).toList()),
                () -> assertTrue(run.hasTrainingFlops()),
                () -> assertFalse(run.inProgress()));
    }

    @Test
    void aRunInProgressHasNoSummaryAndItsHalfWrittenLastLineIsSkipped() throws IOException {
        RunData run = RunReader.read(RunFixture.inProgress(dir));
        assertTrue(run.inProgress());
        assertTrue(run.connectivity().isEmpty());
        assertEquals(150, run.split("train").getLast().step());
        assertTrue(run.rewires().isEmpty(), "no rewire.jsonl yet");
    }

    @Test
    void aMalformedLineIsAnErrorNamingFileAndLine() throws IOException {
        RunFixture.finished(dir, "x");
        Path metrics = dir.resolve("metrics.jsonl");
        List<String> lines = Files.readAllLines(metrics);
        lines.set(2, "{\"step\": 30, \"split\": \"train\", \"loss\": 0.5,,}");
        Files.write(metrics, lines);
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunReader.read(dir));
        assertEquals(3, e.line());
        assertEquals(metrics, e.file());
        assertTrue(e.getMessage().startsWith(metrics + " line 3: malformed JSON"), e.getMessage());
    }

    @Test
    void aBrokenLastLineEndedByANewlineIsAnErrorToo() throws IOException {
        RunFixture.finished(dir, "x");
        Path rewire = dir.resolve("rewire.jsonl");
        Files.writeString(rewire, "{\"step\": 1, \"layers\": []}\n{\"step\": 2\n");
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunReader.read(dir));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("rewire.jsonl line 2"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyAndLine() throws IOException {
        RunFixture.finished(dir, "x");
        Files.writeString(dir.resolve("metrics.jsonl"),
                "{\"step\": 10, \"split\": \"train\", \"loss\": 0.5}\n{\"step\": \"20\", \"split\": \"train\"}\n");
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().contains("metrics.jsonl line 2: field \"step\" must be a whole number, "
                + "got the string \"20\""), e.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        RunFixture.finished(dir, "x");
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\": 10, \"loss\": 0.5}\n");
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().endsWith("line 1: missing required field \"split\""), e.getMessage());
    }

    @Test
    void malformedRunJsonNamesTheLineOfTheDefect() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\n  \"name\": \"a\",\n  \"status\": running\n}\n");
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunReader.read(dir));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("run.json") + " line 3: malformed JSON"), e.getMessage());
    }

    @Test
    void connectivityMustMatchItsShape() throws IOException {
        Files.writeString(dir.resolve("run.json"),
                "{\"connectivity\": {\"layer\": \"fc1\", \"shape\": [2, 3], \"counts\": [1, 2, 3, 4]}}");
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().contains("4 counts for shape 2x3"), e.getMessage());
    }

    @Test
    void onlyRunJsonIsRequired() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{}");
        RunData run = RunReader.read(dir);
        assertEquals(dir.getFileName().toString(), run.name(), "the folder's name stands in for a missing name");
        assertEquals("unknown", run.status());
        assertTrue(run.metrics().isEmpty() && run.rewires().isEmpty() && run.layers().isEmpty());
    }

    @Test
    void aFolderWithoutRunJsonIsNotARunFolder() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
    }
}
