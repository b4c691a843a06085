package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rewire.models.ResumedRuns.assertSameValues;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.kernel.Kernels;
import rewire.models.ResumedRuns;
import rewire.models.marl.NetworkSettings.MixerKind;
import rewire.run.LoopSettings;
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

        ResumedRuns.Resumed resumed = ResumedRuns.stopAndResume(() -> spec("stopped"), 10);
        RunSpec second = resumed.spec();

        MarlWorkload a = (MarlWorkload) whole.workload();
        MarlWorkload b = (MarlWorkload) second.workload();
        assertSameValues(a.networks().online().params(), b.networks().online().params());
        assertSameValues(a.networks().target().params(), b.networks().target().params());
        assertEquals(a.envSteps(), b.envSteps());
        ResumedRuns.assertSameMetrics(uninterrupted, resumed.run());
    }
}
