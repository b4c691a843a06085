package rewire.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;

/**
 * The stop-and-resume half of a workload's resume test and its bit-for-bit checks, shared by the
 * workloads' resume tests so that each states only its run and what it compares: a run stopped
 * after a given step and resumed from its checkpoint must end with the parameters and the metric
 * lines (times aside) of an uninterrupted run.
 */
public final class ResumedRuns {
    private ResumedRuns() {
    }

    /**
     * A run resumed from its checkpoint.
     *
     * @param spec the spec it resumed with, whose workload ends with the resumed state
     * @param run  the resumed run, run to the end
     */
    public record Resumed(RunSpec spec, TrainingRun run) {
    }

    /**
     * Runs a spec from {@code specs} until it stops after step {@code stopStep}, then resumes its
     * folder with a fresh spec from {@code specs} to the end.
     */
    public static Resumed stopAndResume(Supplier<RunSpec> specs, long stopStep) throws IOException {
        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.start(specs.get(), Kernels.defaults(), p -> {
            if (p.step() == stopStep) {
                running.get().requestStop();
            }
        });
        running.set(stopped);
        assertEquals(stopStep, stopped.run().step());
        RunSpec second = specs.get();
        TrainingRun resumed = TrainingRun.resume(stopped.folder(), second, Kernels.defaults(), null);
        resumed.run();
        return new Resumed(second, resumed);
    }

    /** The same parameters, value for value. */
    public static void assertSameValues(List<Param> a, List<Param> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).values(), b.get(i).values(), a.get(i).name());
        }
    }

    /** The same metric lines, but for the wall-clock fields. */
    public static void assertSameMetrics(TrainingRun uninterrupted, TrainingRun resumed) throws IOException {
        assertEquals(withoutTimes(uninterrupted.folder().path(RunFolder.METRICS)),
                withoutTimes(resumed.folder().path(RunFolder.METRICS)));
    }

    private static List<String> withoutTimes(Path metrics) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            out.add(line.replaceAll("\"(elapsedSeconds|samplesPerSecond)\":[^,}]*,?", ""));
        }
        return out;
    }
}
