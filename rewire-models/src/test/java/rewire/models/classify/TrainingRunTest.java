package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.config.Config;
import rewire.data.Dataset;
import rewire.data.Split;
import rewire.io.Json;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.NmPattern;
import rewire.tensor.Rng;
import rewire.tensor.Shape;
import rewire.train.NonFiniteLossException;

/**
 * Training runs on small synthetic images. A run interrupted after a checkpoint and resumed ends
 * exactly as the same run never interrupted:
 * the same weights and topology bit for bit, and the same logged losses and accuracies.
 */
class TrainingRunTest {

    @TempDir
    Path runs;

    @Test
    void aResumedRunEqualsAnUninterruptedOne() throws IOException {
        resumesExactly(List.of("sparsity.recipe=rigl", "sparsity.options=[deltaT=7]", "optim.name=adam"), 7);
    }

    // SNFS updates at steps 25 and 50, the second after the resume from step 40: its dense momentum
    // comes from the checkpoint and Adam's moments are found by role in the restored slots
    @Test
    void aResumedSnfsRunKeepsItsDenseMomentumAndFindsTheOptimizersMoments() throws IOException {
        resumesExactly(List.of("sparsity.recipe=snfs", "optim.name=adam"), 2);
    }

    // DynaDiag freezes at step 23 (before the checkpoint of step 40: the frozen flag comes back from it)
    // or at step 45 (after it: the resumed run freezes); either way one topology update is logged
    @Test
    void aResumedDynaDiagRunEqualsAnUninterruptedOne() throws IOException {
        resumesExactly(List.of("sparsity.recipe=dynadiag", "sparsity.options=[freezeFraction=0.3]", "optim.name=adam"),
                1);
        resumesExactly(List.of("sparsity.recipe=dynadiag", "sparsity.options=[freezeFraction=0.6]", "optim.name=adam"),
                1);
    }

    @Test
    void dynaDiagFreezesEveryGatedLayerToItsBudgetOfWholeDiagonals() throws IOException {
        List<String> overrides = List.of("name=dynadiag", "train.runs=" + runs, "train.epochs=3", "model.hidden=[40,32]",
                "data.batchSize=16", "sparsity.recipe=dynadiag", "sparsity.density=0.25", "optim.name=adam",
                "optim.lr=0.003");
        ClassifyConfig config = Config.load(ClassifyConfig.class, overrides);
        RunSpec spec = ClassifyRuns.spec(config, syntheticImages(new Rng(11)), Kernels.defaults());
        TrainingRun run = TrainingRun.start(spec, Kernels.defaults(), null);
        var summary = run.run().summary();
        var group = spec.workload().groups().get(0);
        int gated = 0;
        for (var layer : group.sparseLayers()) {
            var pattern = layer.weight().pattern();
            if (layer.diagonalGate() == null) {
                assertEquals(pattern.rows() * pattern.cols(), pattern.nnz(), "the dense head keeps every entry");
                continue;
            }
            gated++;
            int k = layer.diagonalGate().budget();
            assertTrue(layer.diagonalGate().isFrozen());
            assertEquals(k * DiagonalPattern.length(pattern.rows(), pattern.cols()), pattern.nnz(), "nnz = K * D");
            assertEquals(k, DiagonalPattern.fromCsr(pattern).count(), "whole diagonals");
            assertEquals(SparseLinear.Representation.DIAGONAL, layer.representation());
        }
        assertEquals(2, gated, "every hidden layer is gated, the head is not");
        double flops = summary.trainingFlopsRatio();
        // 30% of the run dense, then about a quarter of the dense products
        assertTrue(flops > 0.4 && flops < 0.6, "training FLOPs vs dense " + flops);
        assertTrue(summary.value("accuracy") > 0.5, "learns the bands: " + summary.value("accuracy"));
    }

    // 75 steps at density 0.2, checkpoints every 20, a failure at step 47, then the resume from 40
    private void resumesExactly(List<String> method, int updates) throws IOException {
        Split data = syntheticImages(new Rng(7));
        List<String> overrides = new ArrayList<>(List.of("name=resume", "train.runs=" + runs, "train.epochs=3",
                "train.logEvery=5", "train.checkpointEvery=20", "model.hidden=[40,30]", "data.batchSize=16",
                "sparsity.density=0.2", "optim.lr=0.003"));
        overrides.addAll(method);
        ClassifyConfig config = Config.load(ClassifyConfig.class, overrides);
        Kernels kernels = Kernels.defaults();

        RunSpec whole = ClassifyRuns.spec(config, data, kernels);
        TrainingRun uninterrupted = TrainingRun.start(whole, kernels, null);
        uninterrupted.run();

        RunSpec failing = ClassifyRuns.spec(config, data, kernels);
        TrainingRun interrupted = TrainingRun.start(failing.withWorkload(new FailingWorkload(failing.workload(), 47,
                false)), kernels, null);
        assertThrows(IllegalStateException.class, interrupted::run);

        RunSpec fresh = ClassifyRuns.spec(config, data, kernels);
        TrainingRun resumed = TrainingRun.resume(RunFolder.open(interrupted.folder().dir()), fresh, kernels, null);
        assertEquals(40, resumed.startStep(), "resumes from the last checkpoint before the failure");
        resumed.run();

        List<Param> a = whole.workload().groups().get(0).params();
        List<Param> b = fresh.workload().groups().get(0).params();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).values(), b.get(i).values(), a.get(i).name() + " values differ");
        }
        for (int i = 0; i < whole.workload().groups().get(0).sparseLayers().size(); i++) {
            assertEquals(whole.workload().groups().get(0).sparseLayers().get(i).weight().pattern(),
                    fresh.workload().groups().get(0).sparseLayers().get(i).weight().pattern(),
                    "topology of sparse layer " + i);
        }
        assertEquals(metricsWithoutTimes(uninterrupted.folder().path(RunFolder.METRICS)),
                metricsWithoutTimes(resumed.folder().path(RunFolder.METRICS)));
        assertEquals(Files.readAllLines(uninterrupted.folder().path(RunFolder.REWIRE)),
                Files.readAllLines(resumed.folder().path(RunFolder.REWIRE)));
        assertEquals(updates, Files.readAllLines(resumed.folder().path(RunFolder.REWIRE)).size(), "the run rewired");
    }

    @Test
    void aNanLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws IOException {
        List<String> overrides = List.of("name=nan", "train.runs=" + runs, "train.epochs=2", "train.checkpointEvery=10",
                "model.hidden=[20]", "data.batchSize=16");
        ClassifyConfig config = Config.load(ClassifyConfig.class, overrides);
        Kernels kernels = Kernels.defaults();
        RunSpec spec = ClassifyRuns.spec(config, syntheticImages(new Rng(3)), kernels);
        TrainingRun run = TrainingRun.start(spec.withWorkload(new FailingWorkload(spec.workload(), 23, true)), kernels,
                null);
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, run::run);
        assertTrue(e.getMessage().contains("step 23"), e.getMessage());
        Map<?, ?> record = (Map<?, ?>) Json.parse(Files.readString(run.folder().path(RunFolder.RUN_JSON)));
        assertTrue(record.get("status").toString().startsWith("failed: the loss is NaN at step 23"), record.toString());
        RunSpec fresh = ClassifyRuns.spec(config, syntheticImages(new Rng(3)), kernels);
        assertEquals(20, TrainingRun.resume(RunFolder.open(run.folder().dir()), fresh, kernels, null).startStep(),
                "the checkpoint of step 20 survives");
    }

    @Test
    void nmSrSteTrainsAOneOfFourNetworkAndEndsAsOne() throws IOException {
        List<String> overrides = List.of("name=nm", "train.runs=" + runs, "train.epochs=2", "model.hidden=[40,32]",
                "data.batchSize=16", "sparsity.recipe=nm-srste", "sparsity.density=1", "sparsity.options=[n=1, m=4]",
                "optim.lr=0.05");
        ClassifyConfig config = Config.load(ClassifyConfig.class, overrides);
        RunSpec spec = ClassifyRuns.spec(config, syntheticImages(new Rng(5)), Kernels.defaults());
        TrainingRun run = TrainingRun.start(spec, Kernels.defaults(), null);
        double accuracy = run.run().summary().value("accuracy");
        for (var layer : spec.workload().groups().get(0).sparseLayers()) {
            var pattern = layer.weight().pattern();
            assertEquals(pattern.rows() * pattern.cols() / 4, pattern.nnz(), layer.weight().name() + " holds 1 of 4");
            NmPattern.fromCsr(pattern, 1, 4);  // throws naming the row and group that is not 1:4
            assertEquals(SparseLinear.Representation.FAN_IN, layer.representation(),
                    "the N:M model runs on the fan-in kernels");
        }
        assertTrue(accuracy > 0.5, "a 1:4 network learns the bands: accuracy " + accuracy);
        // resumed for one more epoch from the end, it trains its dense weights again and ends 1:4
        ClassifyConfig longer = Config.load(ClassifyConfig.class, concat(overrides, "train.epochs=3"));
        RunSpec fresh = ClassifyRuns.spec(longer, syntheticImages(new Rng(5)), Kernels.defaults());
        TrainingRun resumed = TrainingRun.resume(RunFolder.open(run.folder().dir()), fresh, Kernels.defaults(), null);
        assertTrue(resumed.run().summary().value("accuracy") > 0.5);
        for (var layer : fresh.workload().groups().get(0).sparseLayers()) {
            assertEquals(layer.weight().rows() * layer.weight().cols() / 4, layer.weight().pattern().nnz());
        }
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    @Test
    void snfsPaysForItsDenseMomentumInTrainingFlops() throws IOException {
        List<String> overrides = List.of("name=snfs", "train.runs=" + runs, "train.epochs=1", "model.hidden=[40]",
                "data.batchSize=16", "sparsity.recipe=snfs", "sparsity.density=0.2");
        ClassifyConfig config = Config.load(ClassifyConfig.class, overrides);
        RunSpec spec = ClassifyRuns.spec(config, syntheticImages(new Rng(9)), Kernels.defaults());
        double ratio = TrainingRun.start(spec, Kernels.defaults(), null).run().summary().trainingFlopsRatio();
        // sparse products cost about 0.2 of dense; the dense gradient at every step adds 2 of the
        // dense twin's 2-3 products per layer
        assertTrue(ratio > 0.6, "SNFS training FLOPs vs dense: " + ratio);
    }

    // 400 training and 50 test images of 28x28 whose class is the brightest of ten bands
    static Split syntheticImages(Rng rng) {
        return syntheticImages(rng, 400, 50);
    }

    // such images, as many as asked
    static Split syntheticImages(Rng rng, int train, int test) {
        return new Split(images("train", train, rng), images("test", test, rng));
    }

    private static Dataset images(String name, int n, Rng rng) {
        float[] x = new float[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(10);
            for (int p = 0; p < 784; p++) {
                float band = (p / 28) / 3 == labels[i] ? 1f : 0f;
                x[i * 784 + p] = band + 0.3f * (float) rng.nextGaussian();
            }
        }
        return Dataset.of(name, Shape.of(1, 28, 28), x, labels, 10);
    }

    private static List<Map<?, ?>> metricsWithoutTimes(Path file) throws IOException {
        List<Map<?, ?>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Map<?, ?> m = new java.util.LinkedHashMap<>((Map<?, ?>) Json.parse(line));
            m.remove("elapsedSeconds");
            m.remove("samplesPerSecond");
            lines.add(m);
        }
        return lines;
    }
}
