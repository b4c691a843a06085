package rewire.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import rewire.nn.Param;
import rewire.kernel.Kernels;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;

/**
 * An RL run stopped mid-episode and resumed from its checkpoint ends with the bits of an
 * uninterrupted run, for each algorithm: every group's parameters, the target networks and the
 * same metric lines. The checkpoint holds the replay, the environments' physics and generators,
 * the targets and the counters.
 */
class RlResumeTest {
    @TempDir
    Path runs;

    private RunSpec spec(String name, String algorithm, String task) {
        return SmallRuns.spec("name=" + name, "agent.algorithm=" + algorithm, "env.task=" + task, "env.envs=2",
                "train.runs=" + runs, "train.checkpointEvery=7", "train.logEvery=5");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"sac, pendulum", "td3, reacher", "dqn, cartpole"})
    void aStoppedRunResumesToTheSameBits(String algorithm, String task) throws IOException {
        RunSpec whole = spec("whole", algorithm, task);
        TrainingRun uninterrupted = TrainingRun.start(whole, Kernels.defaults(), null);
        uninterrupted.run();

        RunSpec first = spec("stopped", algorithm, task);
        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.start(first, Kernels.defaults(), p -> {
            if (p.step() == 23) {
                running.get().requestStop();
            }
        });
        running.set(stopped);
        assertEquals(23, stopped.run().step());
        RunSpec second = spec("stopped", algorithm, task);
        TrainingRun resumed = TrainingRun.resume(stopped.folder(), second, Kernels.defaults(), null);
        resumed.run();

        assertSameValues(whole.workload().params(), second.workload().params());
        List<TargetNetwork<?>> a = ((RlWorkload) whole.workload()).learner().targets();
        List<TargetNetwork<?>> b = ((RlWorkload) second.workload()).learner().targets();
        for (int i = 0; i < a.size(); i++) {
            assertSameValues(a.get(i).target().params(), b.get(i).target().params());
        }
        assertEquals(withoutTimes(uninterrupted.folder().path(RunFolder.METRICS)),
                withoutTimes(resumed.folder().path(RunFolder.METRICS)));
    }

    private static void assertSameValues(List<Param> a, List<Param> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).values(), b.get(i).values(), a.get(i).name());
        }
    }

    private static List<String> withoutTimes(Path metrics) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            out.add(line.replaceAll("\"(elapsedSeconds|samplesPerSecond)\":[^,}]*,?", ""));
        }
        return out;
    }
}
