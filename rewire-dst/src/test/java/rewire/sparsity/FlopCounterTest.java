package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.sparsity.FlopCounter.Layer;

class FlopCounterTest {
    private static final int BATCH = 128;

    /*
     * A 784-300-10 MLP: fc1 sparse at 10% (23,520 of 235,200 links) and first, so no input
     * gradient; fc2 dense (3,000). Batch 128, a multiply-add is 2 FLOPs.
     *   fc1 forward 2·128·23,520 = 6,021,120; weight gradient the same; dense weight gradient
     *       2·128·235,200 = 60,211,200.
     *   fc2 forward, input gradient and weight gradient 2·128·3,000 = 768,000 each.
     * Plain step: 2·6,021,120 + 3·768,000 = 14,346,240.
     * Update step with dense-gradient growth: 6,021,120 + 60,211,200 + 2,304,000 = 68,536,320.
     * Dense twin step: 2·60,211,200 + 2,304,000 = 122,726,400.
     * Inference: 6,021,120 + 768,000 = 6,789,120; dense 60,979,200.
     */
    private static FlopCounter mlp() {
        return new FlopCounter(List.of(
                Layer.sparse("fc1", 784, 300, 23_520).withoutInputGradient(),
                Layer.dense("fc2", 300, 10)));
    }

    @Test
    void handComputedMlp() {
        FlopCounter c = mlp();
        assertEquals(14_346_240L, c.recordStep(BATCH, false, false));
        assertEquals(14_346_240L, c.recordStep(BATCH, false, true), "growth flag only matters on update steps");
        assertEquals(14_346_240L, c.recordStep(BATCH, true, false), "gradient-free growth (CH, SET)");
        assertEquals(68_536_320L, c.recordStep(BATCH, true, true), "gradient growth (RigL)");
        assertEquals(3 * 14_346_240L + 68_536_320L, c.trainingFlops());
        assertEquals(4 * 122_726_400L, c.denseTwinTrainingFlops());
        assertEquals(111_575_040.0 / 490_905_600.0, c.trainingRatio(), 1e-15);
        assertEquals(4, c.steps());
        assertEquals(2, c.updateSteps());
        assertEquals(6_789_120L, c.inferenceFlops(BATCH));
        assertEquals(60_979_200L, c.denseInferenceFlops(BATCH));
        assertEquals(6_789_120.0 / 60_979_200.0, c.inferenceRatio(), 1e-15);
    }

    @Test
    void overheadAddsToTrainingOnly() {
        FlopCounter c = mlp();
        c.recordStep(BATCH, true, false);
        c.recordOverhead(1_000);
        assertEquals(14_347_240L, c.trainingFlops());
        assertEquals(1_000, c.overheadFlops());
        assertEquals(122_726_400L, c.denseTwinTrainingFlops());
    }

    @Test
    void forwardOnlyFlopsAddToTrainingAndTheDenseTwin() {
        FlopCounter c = mlp();
        c.recordStep(BATCH, false, false);
        long training = c.trainingFlops();
        long dense = c.denseTwinTrainingFlops();
        c.recordForwardOnly(1000, 5000);
        assertEquals(training + 1000, c.trainingFlops());
        assertEquals(dense + 5000, c.denseTwinTrainingFlops());
        assertEquals(0, c.overheadFlops());
        assertThrows(IllegalArgumentException.class, () -> c.recordForwardOnly(-1, 0));
    }

    @Test
    void densityChangesApplyToLaterSteps() {
        FlopCounter c = mlp();
        c.recordStep(BATCH, false, false);
        c.setNnz(0, 11_760); // fc1 halves: its forward and weight gradient halve
        assertEquals(2 * 3_010_560L + 3 * 768_000L, c.recordStep(BATCH, false, false));
        assertEquals(11_760, c.layers().get(0).nnz());
        assertThrows(IllegalArgumentException.class, () -> c.setNnz(1, 10), "a dense layer keeps in·out");
        assertThrows(IllegalArgumentException.class, () -> c.setNnz(0, 235_201));
        assertThrows(IndexOutOfBoundsException.class, () -> c.setNnz(2, 1));
    }

    @Test
    void firstLayerFlagDropsOnlyItsInputGradient() {
        Layer withInput = Layer.sparse("fc1", 784, 300, 23_520);
        long with = new FlopCounter(List.of(withInput)).stepFlops(BATCH, false);
        long without = new FlopCounter(List.of(withInput.withoutInputGradient())).stepFlops(BATCH, false);
        assertEquals(6_021_120L, with - without);
    }

    @Test
    void nothingRecordedYet() {
        FlopCounter c = mlp();
        assertTrue(Double.isNaN(c.trainingRatio()));
        assertEquals(0, c.trainingFlops());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FlopCounter(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Layer.sparse("x", 3, 4, 13));
        assertThrows(IllegalArgumentException.class, () -> new Layer("x", 3, 4, 11, true, true));
        assertThrows(IllegalArgumentException.class, () -> Layer.sparse("x", 0, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> mlp().recordStep(0, false, false));
        assertThrows(IllegalArgumentException.class, () -> mlp().recordOverhead(-1));
        assertThrows(IllegalArgumentException.class, () -> FlopCounter.rigLAverageStepFlops(1, 2, -1));
    }

    /**
     * RigL, Sec. 4: ΔT plain steps and one dense-gradient update step cost exactly
     * {@code 3·f_S·ΔT + 2·f_S + f_D} per example, i.e. the paper's average times {@code ΔT + 1}.
     */
    @Test
    void expertsOfATopTwoOfFourMixtureCountTheTokenSlotsTheyServe() {
        // 8 tokens, 4 equal experts (16 -> 32, half dense), top-2: 16 token slots in all, k/E = 1/2 each
        List<Layer> experts = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            experts.add(Layer.sparse("e" + e, 16, 32, 256).routed(0.5));
        }
        FlopCounter c = new FlopCounter(experts);
        long perSlot = 2 * 256 * 3;                              // forward, input and weight gradient
        assertEquals(16 * perSlot, c.recordStep(8, false, false));
        assertEquals(16 * 2L * 16 * 32 * 3, c.denseStepFlops(8));
        assertEquals(16 * 2L * 256, c.inferenceFlops(8));
        assertThrows(IllegalArgumentException.class, () -> Layer.dense("x", 3, 4).routed(0));
        assertEquals(0.5, Layer.dense("x", 3, 4).routed(0.5).withNnz(12).atPositions(2).share());
    }

    @Test
    void agreesWithRigLsPerStepFormula() {
        forEachSeed(51, 300, rng -> agreesWithRigLsPerStepFormula(intBetween(rng, 1, 4), intBetween(rng, 1, 300),
                intBetween(rng, 0, 100), intBetween(rng, 0, 200), intBetween(rng, 1, 256), intBetween(rng, 1, 3)));
    }

    private static void agreesWithRigLsPerStepFormula(int depth, int width, int densityPercent, int deltaT, int batch,
            int cycles) {
        List<Layer> layers = new ArrayList<>();
        long sparseForward = 0;
        long denseForward = 0;
        for (int i = 0; i < depth; i++) {
            int in = width + 7 * i;
            int out = width + 3 * i + 1;
            long nnz = (long) in * out * densityPercent / 100;
            layers.add(Layer.sparse("fc" + i, in, out, nnz));
            sparseForward += 2 * nnz;
            denseForward += 2L * in * out;
        }
        FlopCounter c = new FlopCounter(layers);
        for (int cycle = 0; cycle < cycles; cycle++) {
            for (int t = 0; t < deltaT; t++) {
                c.recordStep(batch, false, true);
            }
            c.recordStep(batch, true, true);
        }
        long perCycle = 3 * sparseForward * deltaT + 2 * sparseForward + denseForward;
        assertEquals(cycles * batch * perCycle, c.trainingFlops());
        double average = (double) c.trainingFlops() / c.steps() / batch;
        assertEquals(FlopCounter.rigLAverageStepFlops(sparseForward, denseForward, deltaT), average, 1e-9 * average + 1e-9);
        assertEquals(3.0 * denseForward * batch * c.steps(), c.denseTwinTrainingFlops());
    }
}
