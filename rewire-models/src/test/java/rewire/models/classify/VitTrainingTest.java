package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.models.ResumedRuns.assertSameMetrics;
import static rewire.models.ResumedRuns.assertSameValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.autodiff.Tape;
import rewire.config.Config;
import rewire.data.Split;
import rewire.kernel.Kernels;
import rewire.models.ResumedRuns;
import rewire.nn.Param;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.tensor.Rng;
import rewire.train.ParamGroup;

/**
 * A small sparse ViT trains on synthetic images (the class is the brightest of ten horizontal
 * bands), rewires under RigL, counts attention in its training FLOPs, and resumes from a
 * checkpoint to the same bits, class token and position embeddings included.
 */
class VitTrainingTest {
    private static final List<String> TINY_VIT = List.of("model.arch=vit", "model.vit.width=16", "model.vit.layers=2",
            "model.vit.heads=2", "data.batchSize=16", "optim.name=adam", "optim.lr=0.003", "sparsity.recipe=rigl",
            "sparsity.density=0.3", "sparsity.options=[deltaT=10]", "train.logEvery=5");

    @TempDir
    Path runs;

    private RunSpec spec(String name, Split data, String... more) {
        List<String> overrides = new ArrayList<>(TINY_VIT);
        overrides.addAll(List.of("name=" + name, "train.runs=" + runs));
        overrides.addAll(List.of(more));
        return ClassifyRuns.spec(Config.load(ClassifyConfig.class, overrides), data, Kernels.defaults());
    }

    @Test
    void aSparseVitLearnsAndRewires() throws IOException {
        Split data = TrainingRunTest.syntheticImages(new Rng(5));
        RunSpec spec = spec("learns", data, "train.epochs=2");
        double before = spec.workload().evaluate(0).get("loss");
        TrainingRun run = TrainingRun.start(spec, Kernels.defaults(), null);
        long steps = run.run().step();
        assertEquals(50, steps);
        double after = spec.workload().evaluate(steps).get("loss");
        assertTrue(after < 0.8 * before, "test loss " + before + " -> " + after);
        // RigL updates every 10 steps until 75% of the run: steps 10, 20 and 30
        assertEquals(3, Files.readAllLines(run.folder().path(RunFolder.REWIRE)).size());
    }

    @Test
    void trainingFlopsIncludeAttention() throws IOException {
        Split data = TrainingRunTest.syntheticImages(new Rng(6), 64, 8);
        ClassificationWorkload workload = (ClassificationWorkload) spec("flops", data, "train.epochs=1").workload();
        ParamGroup group = workload.group();
        assertEquals(0, workload.takeActivationFlops().actual(), "nothing before a step");
        workload.loss(new Tape(), 0);
        long perImage = 12L * 16 * 2 * 17 * 17;
        assertEquals(16 * perImage, workload.takeActivationFlops().actual());
        assertEquals(0, workload.takeActivationFlops().actual(), "taken once");
        assertEquals(2 + 4 * 2, group.flopLayers().size());
    }

    @Test
    void aStoppedVitRunResumesToTheSameBits() throws IOException {
        Split data = TrainingRunTest.syntheticImages(new Rng(7), 160, 16);
        String[] loop = {"train.epochs=3", "train.checkpointEvery=10"};
        RunSpec whole = spec("whole", data, loop);
        TrainingRun uninterrupted = TrainingRun.start(whole, Kernels.defaults(), null);
        uninterrupted.run();

        ResumedRuns.Resumed resumed = ResumedRuns.stopAndResume(() -> spec("stopped", data, loop), 17);
        List<Param> a = whole.workload().groups().getFirst().params();
        List<Param> b = resumed.spec().workload().groups().getFirst().params();
        assertTrue(a.stream().map(Param::name).toList().containsAll(List.of("cls.token", "pos.embedding")));
        assertSameValues(a, b);
        ParamGroup wholeGroup = whole.workload().groups().getFirst();
        ParamGroup resumedGroup = resumed.spec().workload().groups().getFirst();
        for (int i = 0; i < wholeGroup.sparseLayers().size(); i++) {
            assertEquals(wholeGroup.sparseLayers().get(i).weight().pattern(),
                    resumedGroup.sparseLayers().get(i).weight().pattern(), "topology of sparse layer " + i);
        }
        assertSameMetrics(uninterrupted, resumed.run());
    }
}
