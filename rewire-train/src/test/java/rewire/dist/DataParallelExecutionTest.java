package rewire.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.io.Checkpoint;
import rewire.kernel.Kernels;
import rewire.run.Execution;
import rewire.run.LoopSettings;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.train.Workload;

/**
 * A run whose configuration names an engine trains through the engine, checkpoints every shard's
 * residuals, and resumes to the same bits as an uninterrupted run; an engine that is not on the
 * class path, or a workload that cannot shard, is refused with what to change.
 */
class DataParallelExecutionTest {
    private static final int EPOCHS = 3;
    private static final long STEPS = EPOCHS * 12;

    @TempDir
    Path runs;

    private RunSpec spec(String name, DistSettings settings) {
        TinyClassifier w = new TinyClassifier("rigl", STEPS);
        return new RunSpec(name, 9, "", Map.of(), w, new LoopSettings(EPOCHS, 4, 0, 8, 3, 0, runs), List.of(),
                DataParallelExecution.of(settings, TinyClassifier.replicas("rigl", STEPS)));
    }

    private static DistSettings topKWithErrorFeedback() {
        return new DistSettings(DistSettings.Engine.LOCAL, "", 2, 3, Compression.Method.TOPK, 0.1, true,
                ClientSplit.Sharding.BATCH, 0.1, 1.0);
    }

    @Test
    void aStoppedRunResumesToTheBitsOfAnUninterruptedOneResidualsIncluded() throws IOException {
        RunSpec whole = spec("whole", topKWithErrorFeedback());
        TrainingRun.start(whole, Kernels.defaults(), null).run();

        RunSpec first = spec("stopped", topKWithErrorFeedback());
        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.start(first, Kernels.defaults(), p -> {
            if (p.step() == 14) {
                running.get().requestStop();
            }
        });
        running.set(stopped);
        TrainingRun.Outcome outcome = stopped.run();
        assertTrue(outcome.stopped() && outcome.step() < STEPS, "stopped at " + outcome.step());
        Checkpoint last = Checkpoint.read(stopped.folder().lastCheckpoint());
        assertTrue(last.names().stream().anyMatch(n -> n.startsWith("dist/shard/1/residual/values/head.weight")),
                "the checkpoint holds shard 1's residuals: " + last.names());

        RunSpec fresh = spec("stopped", topKWithErrorFeedback());
        TrainingRun resumed = TrainingRun.resume(RunFolder.open(stopped.folder().dir()), fresh, Kernels.defaults(), null);
        assertEquals(outcome.step(), resumed.startStep());
        resumed.run();
        assertSameModel(whole.workload(), fresh.workload());
    }

    @Test
    void theLocalEngineTrainsAsTheSingleProcessDoesWithOneUncompressedShard() throws IOException {
        DistSettings one = new DistSettings(DistSettings.Engine.LOCAL, "", 1, 2, Compression.Method.NONE, 1, true,
                ClientSplit.Sharding.BATCH, 0.1, 1.0);
        RunSpec distributed = spec("one-shard", one);
        TrainingRun.start(distributed, Kernels.defaults(), null).run();
        RunSpec single = spec("single", one).withExecution(Execution.singleProcess());
        TrainingRun.start(single, Kernels.defaults(), null).run();
        assertSameModel(single.workload(), distributed.workload());
    }

    @Test
    void anEngineMissingFromTheClassPathIsRefusedWithTheModuleToAdd() {
        DistSettings spark = new DistSettings(DistSettings.Engine.SPARK, "", 2, 1, Compression.Method.NONE, 1, true,
                ClientSplit.Sharding.BATCH, 0.1, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.start(spec("spark", spark), Kernels.defaults(), null));
        assertTrue(e.getMessage().startsWith("dist.engine=spark: no such engine on the class path (found: local)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("add the module rewire-spark"), e.getMessage());
    }

    @Test
    void aWorkloadThatCannotShardIsRefused() {
        RunSpec spec = spec("plain", topKWithErrorFeedback());
        Workload notShardable = new rewire.train.SupervisedWorkload() {
            private final TinyClassifier inner = (TinyClassifier) spec.workload();

            @Override
            public rewire.train.ParamGroup group() {
                return inner.group();
            }

            @Override
            public Loss loss(rewire.autodiff.Tape tape, long step) {
                return inner.loss(tape, step);
            }

            @Override
            public String name() {
                return "plain";
            }

            @Override
            public long stepsPerEpoch() {
                return inner.stepsPerEpoch();
            }

            @Override
            public List<rewire.train.Score> scores() {
                return inner.scores();
            }

            @Override
            public rewire.train.Evaluation evaluate(long stepsDone) {
                return inner.evaluate(stepsDone);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.start(spec.withWorkload(notShardable), Kernels.defaults(), null));
        assertTrue(e.getMessage().contains("workload plain cannot train data-parallel"), e.getMessage());
    }

    static void assertSameModel(Workload expected, Workload actual) {
        for (int i = 0; i < expected.params().size(); i++) {
            assertArrayEquals(expected.params().get(i).values(), actual.params().get(i).values(),
                    expected.params().get(i).name());
        }
    }
}
