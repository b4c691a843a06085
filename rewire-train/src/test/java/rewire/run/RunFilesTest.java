package rewire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.io.Json;
import rewire.kernel.Kernels;

/**
 * What a run writes for people to read: timestamps to the second in UTC, durations without
 * nanosecond digits, each layer's initial nnz kept through every rewrite of run.json, and training
 * lines that say how many steps they average.
 */
class RunFilesTest {
    private static final int EPOCHS = 4;
    private static final String SECOND_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @TempDir
    Path runs;

    private RunSpec spec(String name, long logEvery) {
        TinyWorkload w = new TinyWorkload(EPOCHS * TinyWorkload.STEPS_PER_EPOCH);
        return new RunSpec(name, 7, "", Map.of(), w, new LoopSettings(EPOCHS, logEvery, 0, 6, 3, 0, runs), List.of());
    }

    @Test
    void runJsonTimesAreWholeSecondsInUtcAndTheWallClockHasMillisecondsAtMost() throws IOException {
        TrainingRun run = TrainingRun.start(spec("times", 2), Kernels.defaults(), null);
        assertTrue(run.folder().readRecord().startedAt().matches(SECOND_UTC), run.folder().readRecord().startedAt());
        run.run();
        RunRecord record = run.folder().readRecord();
        assertTrue(record.startedAt().matches(SECOND_UTC), record.startedAt());
        assertTrue(record.finishedAt().matches(SECOND_UTC), record.finishedAt());
        double wallClock = record.summary().wallClockSeconds();
        assertEquals(Math.round(wallClock * 1000) / 1000.0, wallClock, 0.0, "at most three decimals: " + wallClock);
    }

    @Test
    void eachLayerKeepsTheNnzItStartedWithThroughTheEndAndAResume() throws IOException {
        RunSpec first = spec("initial", 2);
        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.start(first, Kernels.defaults(), p -> {
            if (p.step() == 10) {
                running.get().requestStop();
            }
        });
        running.set(stopped);
        RunRecord.Layer head = layer(stopped.folder().readRecord(), "head.weight");
        assertEquals(head.nnz(), head.initialNnz(), "at the start the initial nnz is the nnz");
        assertEquals((long) TinyWorkload.IN * TinyWorkload.HIDDEN,
                layer(stopped.folder().readRecord(), "encoder.weight").initialNnz(), "a dense layer's is its size");
        stopped.run();

        // A run whose density changed: the record says the head started with more weights than it has now.
        RunRecord record = stopped.folder().readRecord();
        List<RunRecord.Layer> edited = new ArrayList<>();
        for (RunRecord.Layer l : record.layers()) {
            edited.add(l.name().equals("head.weight") ? new RunRecord.Layer(l.name(), l.group(), l.kind(), l.in(),
                    l.out(), l.nnz(), l.density(), l.representation(), 64L) : l);
        }
        stopped.folder().writeRecord(record.ended(record.status(), record.finishedAt(), record.summary(), edited,
                record.connectivity()));
        TrainingRun resumed = TrainingRun.resume(stopped.folder(), spec("initial", 2), Kernels.defaults(), null);
        assertEquals(64L, layer(resumed.folder().readRecord(), "head.weight").initialNnz(), "the resume keeps it");
        resumed.run();
        assertEquals(64L, layer(resumed.folder().readRecord(), "head.weight").initialNnz(), "so does the end");
    }

    @Test
    void aRecordWrittenBeforeInitialNnzExistedStaysWithoutOne() {
        TinyWorkload w = new TinyWorkload(24);
        List<RunRecord.Layer> older = List.of(new RunRecord.Layer("head.weight", "model", "sparse",
                TinyWorkload.HIDDEN, TinyWorkload.CLASSES, 32, 0.5, "CSR", null));
        List<RunRecord.Layer> layers = RunRecords.layers(w, older);
        assertNull(layer(layers, "head.weight").initialNnz(), "unknown, not the nnz of the resume");
        assertEquals(128L, layer(layers, "encoder.weight").initialNnz(), "a layer the old record lacks starts now");
    }

    @Test
    void trainingLinesSayHowManyStepsTheyAverage() throws IOException {
        // 24 steps logged every 5: four windows of 5, then the last 4 steps
        TrainingRun run = TrainingRun.start(spec("windows", 5), Kernels.defaults(), null);
        run.run();
        List<Long> steps = new ArrayList<>();
        for (String line : Files.readAllLines(run.folder().path(RunFolder.METRICS))) {
            Map<?, ?> fields = (Map<?, ?>) Json.parse(line);
            if (fields.get("split").equals("train")) {
                steps.add(((Number) fields.get("steps")).longValue());
            }
        }
        assertEquals(List.of(5L, 5L, 5L, 5L, 4L), steps);
    }

    private static RunRecord.Layer layer(RunRecord record, String name) {
        return layer(record.layers(), name);
    }

    private static RunRecord.Layer layer(List<RunRecord.Layer> layers, String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer " + name + " in " + layers));
    }
}
