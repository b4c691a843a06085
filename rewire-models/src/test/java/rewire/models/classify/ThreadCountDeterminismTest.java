package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.config.Config;
import rewire.data.Split;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.tensor.Rng;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;

/**
 * The default run (MLP 784-1000-1000-1000-10, RigL at 10% with ERK densities, batch 128) trained
 * on one kernel thread and on two ends with the same bits: its output layer computes dense with a
 * mask (through OpenBLAS where installed) and RigL scores growth through dense products, both of
 * which once followed OpenBLAS's thread count.
 */
class ThreadCountDeterminismTest {

    @TempDir
    Path runs;

    @Test
    void theDefaultRunGivesTheSameWeightsOnOneAndTwoThreads() throws IOException {
        Split data = TrainingRunTest.syntheticImages(new Rng(17), 8 * 128, 100);
        List<Param> one = train(1, data);
        List<Param> two = train(2, data);
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i).values(), two.get(i).values(),
                    one.get(i).name() + " differs between 1 and 2 threads");
        }
    }

    // the default configuration on 8 batches, rewired every 2 steps up to RigL's end at 75%; the trained parameters
    private List<Param> train(int threads, Split data) throws IOException {
        ClassifyConfig config = Config.load(ClassifyConfig.class, List.of("name=threads-" + threads,
                "train.runs=" + runs, "train.epochs=1", "sparsity.options=[deltaT=2]"));
        Kernels kernels = Kernels.withThreads(threads);
        try {
            assertTrue(kernels.info().deterministic(), kernels.info().determinism());
            RunSpec spec = ClassifyRuns.spec(config, data, kernels);
            List<SparseLinear> layers = spec.workload().groups().get(0).sparseLayers();
            assertEquals(SparseLinear.Representation.DENSE_MASKED, layers.getLast().representation(),
                    "the output layer of the default MLP computes dense with a mask");
            TrainingRun run = TrainingRun.start(spec, kernels, null);
            run.run();
            assertTrue(Files.readAllLines(run.folder().path(RunFolder.REWIRE)).size() >= 2, "RigL rewired twice");
            return spec.workload().params();
        } finally {
            kernels.parallel().close();
        }
    }
}
