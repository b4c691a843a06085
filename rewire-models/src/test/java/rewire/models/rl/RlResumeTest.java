package rewire.models.rl;

import static rewire.models.ResumedRuns.assertSameValues;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import rewire.kernel.Kernels;
import rewire.models.ResumedRuns;
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

        ResumedRuns.Resumed resumed = ResumedRuns.stopAndResume(() -> spec("stopped", algorithm, task), 23);
        RunSpec second = resumed.spec();

        assertSameValues(whole.workload().params(), second.workload().params());
        List<TargetNetwork<?>> a = ((RlWorkload) whole.workload()).learner().targets();
        List<TargetNetwork<?>> b = ((RlWorkload) second.workload()).learner().targets();
        for (int i = 0; i < a.size(); i++) {
            assertSameValues(a.get(i).target().params(), b.get(i).target().params());
        }
        ResumedRuns.assertSameMetrics(uninterrupted, resumed.run());
    }
}
