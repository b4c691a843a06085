package rewire.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.train.Hook;
import rewire.train.SparsityHooks;
import rewire.train.StepResult;
import rewire.train.TrainState;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * The driver with shards on threads, on {@link TinyClassifier}: one uncompressed shard is the
 * single process bit for bit; compressed rounds report their bytes and error and send less;
 * federated rounds train only the sampled clients; Dirichlet clients train.
 */
class DataParallelTrainerTest {
    private static final long STEPS = 36;

    static DistSettings settings(int partitions, int localSteps, Compression.Method compression, double ratio,
                                 ClientSplit.Sharding split, double clientFraction) {
        return new DistSettings(DistSettings.Engine.LOCAL, "", partitions, localSteps, compression, ratio, true, split,
                0.3, clientFraction);
    }

    /** What the hooks saw of a data-parallel run, and the model it ended with. */
    record Outcome(List<StepResult> steps, List<float[]> values, List<int[]> ran) {
    }

    static Outcome train(String recipe, DistSettings settings) {
        TinyClassifier driver = new TinyClassifier(recipe, STEPS);
        List<StepResult> seen = new ArrayList<>();
        List<Hook> hooks = new ArrayList<>(SparsityHooks.of(driver, 9, Kernels.defaults(), null).all());
        hooks.add(new Hook() {
            @Override
            public void afterStep(TrainState state, StepResult result) {
                seen.add(result);
            }
        });
        List<int[]> ran = new ArrayList<>();
        try (LocalDataParallel threads = new LocalDataParallel(settings.partitions(),
                () -> new TinyClassifier(recipe, STEPS), Kernels.defaults())) {
            DataParallel recorded = new Recording(threads, ran);
            new DataParallelTrainer(driver, recorded, hooks, 9, settings, s -> false)
                    .run(new TrainState(driver, new Slots(), 0, STEPS), () -> false);
        }
        return new Outcome(seen, values(driver), ran);
    }

    static List<float[]> values(Workload w) {
        return w.params().stream().map(p -> p.values().clone()).toList();
    }

    @Test
    void oneUncompressedShardIsTheSingleProcessBitForBit() {
        TinyClassifier single = new TinyClassifier("rigl", STEPS);
        new Trainer(single, SparsityHooks.of(single, 9, Kernels.defaults(), null).all(), Kernels.defaults())
                .run(new TrainState(single, new Slots(), 0, STEPS));
        List<float[]> expected = values(single);
        List<float[]> actual = train("rigl", settings(1, 3, Compression.Method.NONE, 1, ClientSplit.Sharding.BATCH, 1))
                .values();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }

    @Test
    void compressedRoundsReportBytesAndErrorAndSendLess() {
        Outcome plain = train("static", settings(2, 2, Compression.Method.NONE, 1, ClientSplit.Sharding.BATCH, 1));
        Outcome topK = train("static", settings(2, 2, Compression.Method.TOPK, 0.1, ClientSplit.Sharding.BATCH, 1));
        Outcome int8 = train("static", settings(2, 2, Compression.Method.INT8, 1, ClientSplit.Sharding.BATCH, 1));
        double plainBytes = mean(plain, "roundBytes");
        assertTrue(mean(topK, "roundBytes") < 0.35 * plainBytes, mean(topK, "roundBytes") + " of " + plainBytes);
        assertTrue(mean(int8, "roundBytes") < 0.35 * plainBytes, mean(int8, "roundBytes") + " of " + plainBytes);
        double error = mean(topK, "compressionError");
        assertTrue(error > 0 && error < 1, "top-10% keeps part of the change's norm: " + error);
        assertTrue(mean(int8, "compressionError") < 0.05, "8 bits lose little: " + mean(int8, "compressionError"));
        assertFalse(plain.steps().get(0).metrics().containsKey("compressionError"));
        assertEquals(mean(topK, "roundBytes") / 2, mean(topK, "stepBytes"), 1e-9,
                "rounds of two steps: each step carries half of its round's bytes");
    }

    private static double mean(Outcome o, String metric) {
        return o.steps().stream().mapToDouble(r -> r.metrics().get(metric)).average().orElseThrow();
    }

    @Test
    void clientSamplingTrainsHalfTheClientsEachRoundAndAllOfThemOverTime() {
        DistSettings federated = settings(4, 3, Compression.Method.NONE, 1, ClientSplit.Sharding.IID, 0.5);
        Outcome a = train("static", federated);
        Outcome b = train("static", federated);
        boolean[] trained = new boolean[4];
        for (int[] round : a.ran()) {
            assertEquals(2, round.length, Arrays.toString(round));
            Arrays.stream(round).forEach(s -> trained[s] = true);
        }
        for (int s = 0; s < 4; s++) {
            assertTrue(trained[s], "client " + s + " trained in some round");
        }
        for (int i = 0; i < a.ran().size(); i++) {
            assertArrayEquals(a.ran().get(i), b.ran().get(i), "the samples follow from the seed and the step");
        }
        assertEquals(STEPS / 3, a.ran().size(), "rounds of 3 local steps");
    }

    @Test
    void dirichletClientsLearnTheTask() {
        Outcome o = train("rigl", settings(2, 4, Compression.Method.TOPK, 0.2, ClientSplit.Sharding.DIRICHLET, 1));
        double first = o.steps().subList(0, 4).stream().mapToDouble(StepResult::loss).average().orElseThrow();
        double last = o.steps().subList(o.steps().size() - 4, o.steps().size()).stream().mapToDouble(StepResult::loss)
                .average().orElseThrow();
        assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
    }

    @Test
    void aBackendOfAnotherShardCountIsRefused() {
        TinyClassifier driver = new TinyClassifier("static", STEPS);
        try (LocalDataParallel threads = new LocalDataParallel(3, () -> driver, Kernels.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DataParallelTrainer(
                    driver, threads, List.of(), 1, settings(2, 1, Compression.Method.NONE, 1,
                    ClientSplit.Sharding.BATCH, 1), s -> false));
            assertTrue(e.getMessage().contains("for dist.partitions 2"), e.getMessage());
        }
    }

    /** A backend that records which shards each round ran. */
    private record Recording(DataParallel inner, List<int[]> ran) implements DataParallel {
        @Override
        public int shards() {
            return inner.shards();
        }

        @Override
        public List<byte[]> run(Snapshot snapshot, RoundTask task) {
            if (task.kind() == RoundTask.Kind.LOCAL) {
                ran.add(task.shards());
            }
            return inner.run(snapshot, task);
        }

        @Override
        public List<ShardState> states() {
            return inner.states();
        }

        @Override
        public void restore(List<ShardState> states) {
            inner.restore(states);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
