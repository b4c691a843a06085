package rewire.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.kernel.Kernels;
import rewire.run.LoopSettings;
import rewire.run.RunFolder;
import rewire.run.RunRecord;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.train.Workload;

/**
 * The two-model workload of docs/extending.md (examples/java/extending/TwoPlayers.java: a dense
 * encoder and a RigL-rewired head updated in turn, each with its own optimizer) through the run
 * machinery: rewire reports per group, checkpoints holding both groups. A run stopped on request
 * and resumed ends with the bits of an uninterrupted one, and its logs equal the uninterrupted
 * run's line for line (no step logged twice).
 */
class TwoGroupRunTest {
    private static final int EPOCHS = 3;
    private static final long STEPS = 30;   // 10 per epoch; the head rewires at steps 5, 10, 15, 20

    @TempDir
    static Path classes;
    private static URLClassLoader loader;
    private static Constructor<?> twoPlayers;

    @TempDir
    Path runs;

    @BeforeAll
    static void compileTheExample() throws Exception {
        loader = new JavaExample(Path.of("../examples/java/extending/TwoPlayers.java")).loader(classes);
        twoPlayers = loader.loadClass("TwoPlayers").getDeclaredConstructor(long.class, long.class);
        twoPlayers.setAccessible(true);
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    private RunSpec spec(String name, int keep) throws Exception {
        Workload w = (Workload) twoPlayers.newInstance(7L, STEPS);
        LoopSettings loop = new LoopSettings(EPOCHS, 2, 0, 10, keep, 0, runs);
        return new RunSpec(name, 7, "", Map.of(), w, loop, List.of());
    }

    @Test
    void bothGroupsTrainWithTheirOwnOptimizerAndOnlyTheSparseOneRewires() throws Exception {
        RunSpec spec = spec("groups", 3);
        Workload w = spec.workload();
        List<float[]> before = values(w);
        TrainingRun run = TrainingRun.start(spec, Kernels.defaults(), null);
        TrainingRun.Outcome outcome = run.run();
        List<float[]> after = values(w);
        for (int i = 0; i < before.size(); i++) {
            assertFalse(java.util.Arrays.equals(before.get(i), after.get(i)), "parameter " + i + " trained");
        }
        assertEquals(RunRecord.FINISHED, outcome.status());
        List<String> rewires = Files.readAllLines(run.folder().path(RunFolder.REWIRE));
        assertFalse(rewires.isEmpty(), "the head's RigL rewired");
        assertTrue(rewires.stream().allMatch(l -> l.contains("\"group\":\"head\"")), rewires.toString());
        assertEquals(4, rewires.size(), "RigL rewires at steps 5, 10, 15 and 20");
        RunRecord record = run.folder().readRecord();
        assertEquals(List.of("encoder", "head"), record.groups().stream().map(RunRecord.Group::name).toList());
        assertEquals("dense", record.groups().get(0).recipe());
        assertTrue(record.groups().get(1).recipe().startsWith("rigl"), record.groups().toString());
        assertEquals("held-out loss", record.summary().scoreLabel());
        String metrics = Files.readString(run.folder().path(RunFolder.METRICS));
        assertTrue(metrics.contains("\"encoderLoss\""), "the step's own metrics are logged");
    }

    @Test
    void aRunStoppedOnRequestResumesToTheSameBitsAndLogs() throws Exception {
        RunSpec whole = spec("whole", 3);
        TrainingRun uninterrupted = TrainingRun.start(whole, Kernels.defaults(), null);
        uninterrupted.run();

        RunSpec first = spec("stopped", 3);
        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.start(first, Kernels.defaults(), p -> {
            if (p.step() == 13) {
                running.get().requestStop();      // what Ctrl-C does, from the signal thread
            }
        });
        running.set(stopped);
        TrainingRun.Outcome outcome = stopped.run();
        assertEquals(RunRecord.STOPPED, outcome.status());
        assertEquals(13, outcome.step());
        assertEquals(RunRecord.STOPPED, stopped.folder().readRecord().status());
        assertTrue(Files.isRegularFile(stopped.folder().checkpoint(13)), "a checkpoint at the point of the stop");

        RunSpec second = spec("stopped", 3);
        TrainingRun resumed = TrainingRun.resume(stopped.folder(), second, Kernels.defaults(), null);
        assertEquals(13, resumed.startStep());
        assertEquals(RunRecord.FINISHED, resumed.run().status());
        List<float[]> a = values(whole.workload());
        List<float[]> b = values(second.workload());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
        }
        assertEquals(Files.readAllLines(uninterrupted.folder().path(RunFolder.REWIRE)),
                Files.readAllLines(resumed.folder().path(RunFolder.REWIRE)), "rewire.jsonl, no update logged twice");
        assertEquals(withoutTimes(uninterrupted.folder().path(RunFolder.METRICS)),
                withoutTimes(resumed.folder().path(RunFolder.METRICS)));
    }

    @Test
    void aResumeAfterACheckpointOnAnUpdateStepLogsThatUpdateOnce() throws Exception {
        // checkpoints every 10 steps; the head rewires at steps 5, 10, 15, ...: the checkpoint after
        // 10 steps precedes the update at index 10, which the resumed run performs (and logs) itself
        RunSpec whole = spec("whole", 3);
        TrainingRun uninterrupted = TrainingRun.start(whole, Kernels.defaults(), null);
        uninterrupted.run();
        RunSpec first = spec("cut", 3);
        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun cut = TrainingRun.start(first, Kernels.defaults(), p -> {
            if (p.step() == 14) {
                running.get().requestStop();
            }
        });
        running.set(cut);
        cut.run();
        Files.delete(cut.folder().checkpoint(14));                  // as if killed before the stop's checkpoint
        cut.folder().pointAt(cut.folder().lastCheckpoint(), cut.folder().checkpoint(10));
        TrainingRun resumed = TrainingRun.resume(cut.folder(), spec("cut", 3), Kernels.defaults(), null);
        assertEquals(10, resumed.startStep());
        resumed.run();
        assertEquals(Files.readAllLines(uninterrupted.folder().path(RunFolder.REWIRE)),
                Files.readAllLines(resumed.folder().path(RunFolder.REWIRE)));
    }

    @Test
    void checkpointsKeepTheNewestFewAndTheBestAndStaleTemporariesGo() throws Exception {
        RunSpec spec = spec("keep", 2);
        TrainingRun run = TrainingRun.start(spec, Kernels.defaults(), null);
        run.run();
        List<Path> steps = run.folder().stepCheckpoints();
        assertEquals(List.of(run.folder().checkpoint(20), run.folder().checkpoint(30)), steps);
        assertTrue(Files.isRegularFile(run.folder().lastCheckpoint()));
        assertTrue(Files.isRegularFile(run.folder().bestCheckpoint()));
        assertEquals(Files.size(run.folder().checkpoint(30)), Files.size(run.folder().lastCheckpoint()));
        RunRecord record = run.folder().readRecord();
        assertNotEquals(null, record.summary().bestStep(), "the best evaluation's step is recorded");

        Path stale = run.folder().dir().resolve(RunFolder.CHECKPOINTS).resolve(".step-30.ckpt.999-1.tmp");
        Files.writeString(stale, "half a checkpoint");
        assertEquals(1, run.folder().removeStaleTemporaries());
        assertFalse(Files.exists(stale));
    }

    @Test
    void aRunWithoutACheckpointCannotResumeAndSaysWhy() throws Exception {
        RunSpec spec = spec("early", 3);
        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun run = TrainingRun.start(spec, Kernels.defaults(), p -> running.get().requestStop());
        running.set(run);
        run.run();
        Files.delete(run.folder().lastCheckpoint());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.resume(run.folder(), spec("early", 3), Kernels.defaults(), null));
        assertTrue(e.getMessage().contains("has no checkpoint yet"), e.getMessage());
    }

    private static List<float[]> values(Workload w) {
        return w.params().stream().map(p -> p.values().clone()).toList();
    }

    private static List<String> withoutTimes(Path metrics) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            out.add(line.replaceAll("\"(elapsedSeconds|samplesPerSecond)\":[^,}]*,?", ""));
        }
        return out;
    }
}
