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
import rewire.io.CorruptFileException;
import rewire.run.RunRecord;
import rewire.run.RunSummary;

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
                () -> assertEquals(42, run.record().seed()),
                () -> assertEquals(16, ((Number) run.record().environment().get("vectorWidth")).intValue()),
                () -> assertEquals(List.of("fc1", "fc2", "out"),
                        run.record().layers().stream().map(RunRecord.Layer::name).toList()),
                () -> assertEquals("test accuracy", run.scores().get(0).label()),
                () -> assertEquals(0.885, s.value("accuracy")),
                () -> assertEquals(279701, s.nnz()),
                () -> assertEquals(0.1, s.inferenceFlopsRatio()),
                () -> assertEquals(30, run.split("train").size()),
                () -> assertEquals(List.of(100L, 200L, 300L), run.split("test").stream().map(MetricPoint::step).toList()),
                () -> assertTrue(Double.isNaN(run.split("test").getFirst().get("lr")), "test lines carry no lr"),
                () -> assertEquals(12, run.rewires().get("fc2").size()),
                () -> assertEquals(0, run.rewires().get("fc2").getFirst().regrown(), "absent count reads as 0"),
                () -> assertEquals(28, run.record().connectivity().rows()),
                () -> assertEquals(List.of(1000, 1000), ((List<?>) ((java.util.Map<?, ?>) run.record().config())
                        .get("hidden")).stream().map(v -> ((Number) v).intValue()).toList()),
                () -> assertTrue(run.hasTrainingFlops()),
                () -> assertFalse(run.inProgress()));
    }

    @Test
    void aRunInProgressHasNoSummaryAndItsHalfWrittenLastLineIsSkipped() throws IOException {
        RunData run = RunReader.read(RunFixture.inProgress(dir));
        assertTrue(run.inProgress());
        assertTrue(run.record().connectivity() == null);
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
        assertTrue(e.getMessage().contains("metrics.jsonl line 2: \"step\" must be a whole number, got 20"),
                e.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        RunFixture.finished(dir, "x");
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"step\": 10, \"loss\": 0.5}\n");
        RunFormatException e = assertThrows(RunFormatException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().endsWith("line 1: a metrics line needs a \"split\""), e.getMessage());
    }

    @Test
    void malformedRunJsonNamesTheLineOfTheDefect() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\n  \"name\": \"a\",\n  \"status\": running\n}\n");
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("run.json") + ": not a valid run.json")
                && e.getMessage().contains("line 3, column 13"), e.getMessage());
    }

    @Test
    void connectivityMustMatchItsShape() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"a\", \"status\": \"finished\", "
                + "\"connectivity\": {\"layer\": \"fc1\", \"shape\": [2, 3], \"counts\": [1, 2, 3, 4]}}");
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().contains("does not hold 4 counts"), e.getMessage());
    }

    @Test
    void onlyRunJsonIsRequiredAndItNeedsANameAndAStatus() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"a\", \"status\": \"running\"}");
        RunData run = RunReader.read(dir);
        assertEquals("a", run.name());
        assertTrue(run.metrics().isEmpty() && run.rewires().isEmpty() && run.record().layers().isEmpty());
        Files.writeString(dir.resolve("run.json"), "{}");
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().contains("needs at least 'name' and 'status'"), e.getMessage());
    }

    @Test
    void aFolderWithoutRunJsonIsNotARunFolder() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> RunReader.read(dir));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
    }
}
