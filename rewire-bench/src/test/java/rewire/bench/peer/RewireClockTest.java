package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import rewire.data.Dataset;
import rewire.data.Split;
import rewire.kernel.Kernels;
import rewire.models.classify.Classification;
import rewire.models.classify.ClassificationWorkload;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Optim;
import rewire.optim.Slots;
import rewire.recipe.Recipe;
import rewire.recipe.Recipes;
import rewire.tensor.Rng;
import rewire.tensor.Shape;
import rewire.train.Hook;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;
import rewire.train.Trainer;

class RewireClockTest {
    private static final int BATCH = 10;
    private static final int STEPS_PER_EPOCH = 6;
    private static final int EPOCHS = 5;
    private static final long STEPS = EPOCHS * STEPS_PER_EPOCH;
    private static final long SEED = 11;

    // a sparse MLP 12-40-40-3 under RigL every 4 steps until 75% of the run, on random data
    private static ClassificationWorkload workload() {
        Rng rng = new Rng(3);
        int n = BATCH * STEPS_PER_EPOCH;
        float[] x = new float[n * 12];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int f = 0; f < 12; f++) {
                x[i * 12 + f] = (float) rng.nextGaussian() + (f % 3 == labels[i] ? 1 : 0);
            }
        }
        Dataset train = Dataset.of("random", Shape.of(12), x, labels, 3);
        Recipe rigl = Recipes.standard().create("rigl", new Recipes.Plan(STEPS, STEPS_PER_EPOCH, 0.2),
                Map.of("deltaT", "4"));
        return Classification.mlp(new Split(train, train), BATCH, rigl, Optim.momentum(0.05, 0.9, false), new Rng(5),
                40, 40);
    }

    // trains a fresh workload with the hooks `sparsity` makes for it, plus `clock`'s
    private static ClassificationWorkload trained(Function<SparsityHooks, List<Hook>> sparsityHooks, EpochClock clock) {
        ClassificationWorkload w = workload();
        Kernels kernels = Kernels.defaults();
        List<Hook> hooks = new ArrayList<>(sparsityHooks.apply(SparsityHooks.of(w, SEED, kernels, null)));
        if (clock != null) {
            hooks.add(clock);
        }
        new Trainer(w, hooks, kernels).run(new TrainState(w, new Slots(), 0, STEPS));
        return w;
    }

    @Test
    void timedRewiringComputesTheSameBitsAndCountsEveryUpdate() {
        ClassificationWorkload plain = trained(SparsityHooks::all, null);
        RewireClock rewiring = new RewireClock();
        EpochClock clock = new EpochClock(rewiring);
        ClassificationWorkload timed = trained(rewiring::hooks, clock);

        List<Param> expected = plain.params();
        List<Param> actual = timed.params();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).values(), actual.get(i).values(), expected.get(i).name());
            if (expected.get(i) instanceof SparseParam s) {
                assertArrayEquals(s.pattern().colIdx(), ((SparseParam) actual.get(i)).pattern().colIdx(),
                        s.name() + "'s pattern");
            }
        }
        long updates = 0;
        for (long step = 0; step < STEPS; step++) {
            updates += timed.groups().getFirst().recipe().rewirer().isUpdate(step) ? 1 : 0;
        }
        assertTrue(updates > 2, "the schedule rewires several times: " + updates);
        List<EpochClock.Epoch> epochs = clock.epochs();
        assertEquals(EPOCHS, epochs.size());
        assertEquals(updates, epochs.stream().mapToInt(EpochClock.Epoch::updates).sum());
        assertTrue(epochs.stream().allMatch(e -> e.rewireSeconds() >= 0 && e.rewireSeconds() <= e.seconds()),
                epochs.toString());
        assertTrue(epochs.stream().filter(e -> e.updates() > 0).allMatch(e -> e.rewireSeconds() > 0), epochs.toString());
        assertEquals(0, epochs.getLast().updates(), "no update after 75% of the run");
    }
}
