package rewire.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.dist.ClientSplit;
import rewire.dist.Compression;
import rewire.dist.DataParallel;
import rewire.dist.DataParallelExecution;
import rewire.dist.DataParallelTrainer;
import rewire.dist.DistSettings;
import rewire.dist.LocalDataParallel;
import rewire.dist.ReplicaFactory;
import rewire.dist.Shardable;
import rewire.dist.TinyClassifier;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.run.LoopSettings;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;
import rewire.train.Workload;

/**
 * The Spark engine in {@code local[2,2]} (two threads, a failed task tried twice) bound to
 * 127.0.0.1 without the UI, one context for the class: its rounds give the bits of the local
 * engine (compressed updates with error feedback and RigL's driver steps included), a task that
 * fails once is retried to the bits of a clean run, and a run on Spark stops and resumes to the
 * bits of an uninterrupted one. Tagged {@code spark}: {@code ./run-tests -Pspark} and CI run it.
 */
@Tag("spark")
class SparkEngineTest {
    private static final long STEPS = 24;
    private static final int FAILING_STEP = 7;
    private static final AtomicInteger FAILURES = new AtomicInteger();
    private static JavaSparkContext spark;

    @TempDir
    Path runs;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkEngine.conf(settings("local[2,2]", Compression.Method.NONE)));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static DistSettings settings(String master, Compression.Method compression) {
        return new DistSettings(DistSettings.Engine.SPARK, master, 2, 3, compression, 0.1, true,
                ClientSplit.Sharding.BATCH, 0.1, 1.0);
    }

    private static List<float[]> train(DataParallel backend, DistSettings settings) {
        TinyClassifier driver = new TinyClassifier("rigl", STEPS);
        try (backend) {
            new DataParallelTrainer(driver, backend, SparsityHooks.of(driver, 9, Kernels.defaults(), null).all(), 9,
                    settings, s -> false).run(new TrainState(driver, new Slots(), 0, STEPS), () -> false);
        }
        return driver.params().stream().map(p -> p.values().clone()).toList();
    }

    private static void assertSame(List<float[]> expected, List<float[]> actual) {
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }

    @Test
    void sparkRoundsGiveTheBitsOfTheLocalEngine() {
        DistSettings settings = settings("", Compression.Method.TOPK);
        List<float[]> local = train(new LocalDataParallel(2, () -> new TinyClassifier("rigl", STEPS),
                Kernels.defaults()), settings);
        List<float[]> onSpark = train(new SparkDataParallel(spark, false, 2, TinyClassifier.replicas("rigl", STEPS)),
                settings);
        assertSame(local, onSpark);
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptIsRetriedToTheBitsOfACleanRun() {
        DistSettings settings = settings("", Compression.Method.TOPK);
        List<float[]> clean = train(new SparkDataParallel(spark, false, 2, TinyClassifier.replicas("rigl", STEPS)),
                settings);
        int before = FAILURES.get();
        List<float[]> retried = train(new SparkDataParallel(spark, false, 2,
                new ReplicaFactory("rigl " + STEPS, SparkEngineTest::failingOnce)), settings);
        assertTrue(FAILURES.get() > before, "a task failed and was retried");
        assertSame(clean, retried);
    }

    // a replica that throws in the first attempt of every task that trains step FAILING_STEP
    private static Shardable failingOnce(String config, Kernels kernels) {
        String[] f = config.split(" ");
        return new FailsOnFirstAttempt(new TinyClassifier(f[0], Long.parseLong(f[1])));
    }

    @Test
    void aRunOnSparkStopsAndResumesToTheBitsOfAnUninterruptedOne() throws IOException {
        DistSettings settings = settings("", Compression.Method.TOPK);
        RunSpec whole = spec("whole", settings);
        TrainingRun.start(whole, Kernels.defaults(), null).run();

        AtomicReference<TrainingRun> running = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.start(spec("stopped", settings), Kernels.defaults(), p -> {
            if (p.step() == 10) {
                running.get().requestStop();
            }
        });
        running.set(stopped);
        long at = stopped.run().step();
        assertTrue(at < STEPS, "stopped at " + at);
        RunSpec fresh = spec("stopped", settings);
        TrainingRun resumed = TrainingRun.resume(RunFolder.open(stopped.folder().dir()), fresh, Kernels.defaults(), null);
        assertEquals(at, resumed.startStep());
        resumed.run();
        assertSame(values(whole.workload()), values(fresh.workload()));
    }

    private RunSpec spec(String name, DistSettings settings) {
        return new RunSpec(name, 9, "", Map.of(), new TinyClassifier("rigl", STEPS),
                new LoopSettings(2, 4, 0, 8, 3, 0, runs), List.of(),
                DataParallelExecution.of(settings, TinyClassifier.replicas("rigl", STEPS)));
    }

    private static List<float[]> values(Workload w) {
        return w.params().stream().map(p -> p.values().clone()).toList();
    }

    @Test
    void aReplicaFactoryThatCannotBeShippedIsRefusedBeforeTheFirstTask() {
        Object inMemory = new Object();
        ReplicaFactory.Builder capturing = (config, kernels) -> {
            inMemory.hashCode();
            return new TinyClassifier("rigl", STEPS);
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkDataParallel(spark, false, 2, new ReplicaFactory("x", capturing)));
        assertTrue(e.getMessage().contains("trains with dist.engine=local"), e.getMessage());
    }

    @Test
    void aLocalMasterBindsToLoopbackWithoutTheUiAndDefaultsToOneThreadPerShard() {
        SparkConf conf = SparkEngine.conf(settings("", Compression.Method.NONE));
        assertEquals("local[2]", conf.get("spark.master"));
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertEquals("false", conf.get("spark.ui.enabled"));
        SparkConf cluster = SparkEngine.conf(settings("spark://head:7077", Compression.Method.NONE));
        assertEquals("spark://head:7077", cluster.get("spark.master"));
        assertTrue(!cluster.contains("spark.driver.bindAddress"), "a cluster's addresses are the cluster's");
    }

    /** A replica that fails the first attempt of a task at one step, as a lost executor would. */
    private record FailsOnFirstAttempt(TinyClassifier inner) implements Shardable {
        @Override
        public void restrictTo(rewire.dist.Shard shard) {
            inner.restrictTo(shard);
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<rewire.train.ParamGroup> groups() {
            return inner.groups();
        }

        @Override
        public long stepsPerEpoch() {
            return inner.stepsPerEpoch();
        }

        @Override
        public rewire.train.StepResult step(rewire.train.StepContext context) {
            TaskContext task = TaskContext.get();
            if (context.step() == FAILING_STEP && task != null && task.attemptNumber() == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure of step " + FAILING_STEP + ", attempt 0");
            }
            return inner.step(context);
        }

        @Override
        public List<rewire.train.Score> scores() {
            return inner.scores();
        }

        @Override
        public rewire.train.Evaluation evaluate(long stepsDone) {
            return inner.evaluate(stepsDone);
        }
    }
}
