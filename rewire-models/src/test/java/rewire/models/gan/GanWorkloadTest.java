package rewire.models.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.io.Json;
import rewire.kernel.Kernels;
import rewire.nn.Buffer;
import rewire.nn.Param;
import rewire.optim.Slots;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;
import rewire.train.FlopHook;
import rewire.train.Hook;
import rewire.train.ParamGroup;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;
import rewire.train.Trainer;

/** The GAN's step, its accounting, ADAPT's control in a run, and exact resume. */
class GanWorkloadTest {
    private static final int BATCH = 16;

    @TempDir
    Path runs;

    private static GanConfig small(String... more) {
        List<String> o = new ArrayList<>(List.of("model.width=8", "model.latent=16", "data.batchSize=" + BATCH,
                "data.trainLimit=2000", "gan.stepsPerEpoch=12", "train.epochs=2", "gan.brEvery=1", "gan.brWindow=2"));
        o.addAll(List.of(more));
        return GanFixtures.config(o.toArray(String[]::new));
    }

    /**
     * Training FLOPs: the discriminator trains on a real and a fake batch at every step, the
     * generator on one batch at every nCritic-th; the generator's forward for the fakes, the
     * discriminator's forward and input gradient under the generator's loss and the balance
     * ratio's passes count as the workload's own.
     */
    @Test
    void flopsFollowEachNetworksPasses() {
        GanWorkload w = (GanWorkload) GanFixtures.spec(small("balance.regime=static-balance", "gan.nCritic=2",
                "gan.brEvery=2")).workload();
        SparsityHooks sparsity = SparsityHooks.of(w, 1, Kernels.defaults(), null);
        FlopHook flops = new FlopHook(w, sparsity);
        List<Hook> hooks = new ArrayList<>(sparsity.all());
        hooks.add(flops);
        long steps = 8;
        new Trainer(w, hooks, Kernels.defaults()).run(new TrainState(w, new Slots(), 0, steps));
        ParamGroup g = w.groups().get(0);
        ParamGroup d = w.groups().get(1);
        long gTrain = new FlopCounter(g.flopLayers()).stepFlops(BATCH, false);
        long dTrain = new FlopCounter(d.flopLayers()).stepFlops(2 * BATCH, false);
        long fg = new NetworkFlops(g).forward();
        long fd = new NetworkFlops(d).forward();
        long generatorUpdates = steps / 2;           // steps 0, 2, 4, 6
        long measurements = 2;                       // generator updates 0 and 2
        long expected = steps * dTrain + generatorUpdates * gTrain + steps * BATCH * fg
                + generatorUpdates * BATCH * 2 * fd + measurements * BATCH * (fg + 2 * fd);
        assertEquals(expected, flops.trainingFlops());
        Map<String, Double> status = w.status();
        assertEquals(List.of("dLoss", "gLoss", "balanceRatio", "dDensity", "gDensity"), List.copyOf(status.keySet()));
        assertTrue(status.values().stream().allMatch(Double::isFinite), status.toString());
        assertEquals(0.1, status.get("gDensity"), 1e-3);
    }

    /**
     * The balance ratio measures the generator's optimizer step alone (METHODS.md D.1; ADAPT's code
     * rewires G after the measurement): an update at which G's DST also rewired it is not measured,
     * every other one is (brEvery = 1).
     */
    @Test
    void anUpdateThatRewiresTheGeneratorIsNotMeasured() {
        GanWorkload w = (GanWorkload) GanFixtures.spec(small("balance.regime=sdst-balance", "balance.deltaT=3",
                "gan.brWindow=100")).workload();
        ParamGroup g = w.groups().get(0);
        List<SparsityPattern> initial = g.sparseLayers().stream().map(l -> l.weight().pattern()).toList();
        SparsityHooks sparsity = SparsityHooks.of(w, 1, Kernels.defaults(), null);
        new Trainer(w, new ArrayList<>(sparsity.all()), Kernels.defaults()).run(new TrainState(w, new Slots(), 0, 8));
        assertTrue(!initial.equals(g.sparseLayers().stream().map(l -> l.weight().pattern()).toList()),
                "the generator was rewired");
        assertEquals(8 - 2, w.balance().size(), "generator updates 0..7 measured but for the rewiring ones, 3 and 6");
    }

    /**
     * ADAPT in a run: the discriminator's density moves by the control's step at its update steps,
     * within [floor, cap], each move logged in rewire.jsonl for group "discriminator".
     */
    @Test
    void adaptMovesTheDiscriminatorsDensityByItsStep() throws IOException {
        GanConfig c = small("balance.regime=adapt-relax", "balance.generatorDensity=0.3", "balance.adjustEvery=3",
                "balance.deltaT=6", "balance.low=0.9", "balance.high=0.95");
        RunSpec spec = GanFixtures.spec(c);
        long size = spec.workload().groups().get(1).sparseLayers().stream().mapToLong(l -> (long) l.out() * l.in()).sum();
        TrainingRun run = TrainingRun.start(withRuns(spec), Kernels.defaults(), null);
        run.run();
        List<Double> densities = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> lines = Files.readAllLines(run.folder().path(RunFolder.REWIRE));
        for (String line : Files.readAllLines(run.folder().path(RunFolder.REWIRE))) {
            Map<?, ?> fields = (Map<?, ?>) Json.parse(line);
            groups.add((String) fields.get("group"));
            if (fields.get("group").equals("discriminator")) {
                long nnz = 0;
                for (Object o : (List<?>) fields.get("layers")) {
                    nnz += ((Number) ((Map<?, ?>) o).get("nnz")).longValue();
                }
                densities.add((double) nnz / size);
            }
        }
        assertTrue(groups.contains("generator"), "the generator's DST ran: " + groups);
        assertTrue(!densities.isEmpty(), "the control acted");
        double previous = 0.3;
        for (double d : densities) {
            assertEquals(0.05, Math.abs(d - previous), 2e-3, "one step of 0.05 at a time: " + densities + " " + lines);
            assertTrue(d >= 0.05 - 1e-3 && d <= 1, densities.toString());
            previous = d;
        }
    }

    private RunSpec withRuns(RunSpec spec) {
        rewire.run.LoopSettings l = spec.loop();
        return new RunSpec(spec.name(), spec.seed(), spec.configYaml(), spec.config(), spec.workload(),
                new rewire.run.LoopSettings(l.epochs(), l.logEvery(), l.evalEvery(), 6, l.keepCheckpoints(),
                        l.scheduleEpochs(), runs), spec.warnings());
    }

    /**
     * A run stopped half way and resumed ends with the same parameters of both networks, the same
     * EMA copy, buffers (batch norm, spectral norm) and balance-ratio queue as one that ran through.
     */
    @Test
    void aResumedRunEndsWithTheSameBits() throws IOException {
        GanConfig c = small("balance.regime=adapt-strict", "balance.adjustEvery=4", "balance.deltaT=4",
                "balance.low=0.9", "balance.high=0.95", "gan.ema=0.9");
        TrainingRun through = TrainingRun.start(withRuns(GanFixtures.spec(c)), Kernels.defaults(), null);
        through.run();
        AtomicReference<TrainingRun> first = new AtomicReference<>();
        TrainingRun stopped = TrainingRun.start(withRuns(GanFixtures.spec(c)), Kernels.defaults(), p -> {
            if (p.step() == 13) {
                first.get().requestStop();
            }
        });
        first.set(stopped);
        assertTrue(stopped.run().stopped());
        RunSpec again = withRuns(GanFixtures.spec(c));
        TrainingRun resumed = TrainingRun.resume(stopped.folder(), again, Kernels.defaults(), null);
        resumed.run();
        GanWorkload a = (GanWorkload) through.spec().workload();
        GanWorkload b = (GanWorkload) again.workload();
        assertSameParams(a.generator().params(), b.generator().params());
        assertSameParams(a.discriminator().params(), b.discriminator().params());
        assertSameParams(a.averagedGenerator().params(), b.averagedGenerator().params());
        List<Buffer> ab = new ArrayList<>(a.generator().buffers());
        ab.addAll(a.discriminator().buffers());
        List<Buffer> bb = new ArrayList<>(b.generator().buffers());
        bb.addAll(b.discriminator().buffers());
        for (int i = 0; i < ab.size(); i++) {
            assertArrayEquals(ab.get(i).values(), bb.get(i).values(), ab.get(i).name());
        }
        assertEquals(a.status().get("balanceRatio"), b.status().get("balanceRatio"));
    }

    private static void assertSameParams(List<Param> a, List<Param> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).values(), b.get(i).values(), a.get(i).name());
        }
    }
}
