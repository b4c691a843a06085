package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.kernel.Kernels;
import rewire.models.marl.NetworkSettings.MixerKind;
import rewire.nn.Param;
import rewire.run.LoopSettings;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.train.SparsitySettings;

/**
 * A multi-agent run stopped mid-way and resumed from its checkpoint ends with the bits of an
 * uninterrupted run: online and target networks, and the same metric lines. The checkpoint holds
 * the replay buffers, the target networks, the counters and every generator.
 */
class MarlResumeTest {
    @TempDir
    Path runs;

    private RunSpec spec(String name) {
        MarlConfig small = MarlLearningTest.small(MixerKind.QMIX,
                new MastSettings(true, 10, 1, true, 60, 0.6, true, 10, 0.25),
                new SparsitySettings("rigl", 0.3, List.of("deltaT=5", "distribution=uniform")), 12);
        MarlConfig config = new MarlConfig(small.workload(), name, small.seed(), small.env(), small.network(),
                small.learner(), small.mast(), new LoopSettings(2, 3, 0, 4, 3, 0, runs), small.optim(),
                small.sparsity());
        return MarlRuns.spec(config, seed -> new CoordinationGame(2, 10, 5, seed), Kernels.defaults());
    }

    @Test
    void aStoppedRunResumesToTheSameBits() throws IOException {
        RunSpec whole = spec("whole");
        TrainingRun uninterrupted = TrainingRun.start(whole, Kernels.defaults(), null);
        uninterrupted.run();

        RunSpec first = spec("stopped");
        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.start(first, Kernels.defaults(), p -> {
            if (p.step() == 10) {
                running.get().requestStop();
            }
        });
        running.set(stopped);
        assertEquals(10, stopped.run().step());
        RunSpec second = spec("stopped");
        TrainingRun resumed = TrainingRun.resume(stopped.folder(), second, Kernels.defaults(), null);
        resumed.run();

        MarlWorkload a = (MarlWorkload) whole.workload();
        MarlWorkload b = (MarlWorkload) second.workload();
        assertSameValues(a.networks().online().params(), b.networks().online().params());
        assertSameValues(a.networks().target().params(), b.networks().target().params());
        assertEquals(a.envSteps(), b.envSteps());
        assertEquals(withoutTimes(uninterrupted.folder().path(RunFolder.METRICS)),
                withoutTimes(resumed.folder().path(RunFolder.METRICS)));
    }

    private static void assertSameValues(List<Param> a, List<Param> b) {
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
