package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sorting a training step's JFR stacks (innermost frame first) into its parts, and the table of them. */
class StepProfileTest {
    private static final List<String> STEP = List.of("rewire.train.SupervisedWorkload.step",
            "rewire.train.Trainer.step", "rewire.train.Trainer.drive", "rewire.train.Trainer.run");

    private static List<String> stack(String... inner) {
        List<String> frames = new ArrayList<>(List.of(inner));
        frames.addAll(STEP);
        return frames;
    }

    private static final List<String> FORWARD = stack("rewire.simd.Spmm.block8", "rewire.simd.Spmm.run",
            "rewire.kernel.Kernels.spmm", "rewire.kernel.Kernels.multAddBiasRelu", "rewire.autodiff.LinearOps.sparseLinear",
            "rewire.nn.Sequential.forward", "rewire.models.classify.ClassificationWorkload.loss");
    private static final List<String> GATE = stack("rewire.simd.OnGrid.gate", "rewire.simd.Sddmm.run",
            "rewire.kernel.Kernels.sampledMultTransBGated", "rewire.autodiff.LinearOps.lambda$sparseLinear$0",
            "rewire.autodiff.Tape.backward");
    private static final List<String> FILL = stack("rewire.simd.VectorPixelFill.standardized",
            "rewire.data.Pixels.transposeInto", "rewire.data.Batch.fill", "rewire.data.Batcher.batch",
            "rewire.models.classify.ClassificationWorkload.loss");
    private static final List<String> GROWTH_GEMM = stack("rewire.kernel.NativeBlas.gemm",
            "rewire.kernel.Kernels.gemmRaw", "rewire.kernel.DenseScores.scan", "rewire.sparsity.RewireStep.run",
            "rewire.train.RewireHook.beforeUpdate", "rewire.train.Trainer.update");
    private static final List<String> MOMENTUM = stack("rewire.optim.Trace.update", "rewire.optim.Optim.step",
            "rewire.train.Trainer.update");
    private static final List<String> SOFTMAX = stack("rewire.autodiff.Losses.softmaxCrossEntropy",
            "rewire.models.classify.ClassificationWorkload.loss");
    private static final List<String> FLOPS = stack("rewire.train.FlopHook.afterStep", "rewire.train.Trainer.drive",
            "rewire.bench.peer.StepCosts.main");
    private static final List<String> JVM = List.of("java.lang.Thread.run");

    @Test
    void eachStackGoesToTheFirstPhaseThatMarksIt() {
        assertEquals(StepPhase.SPARSE, StepPhase.of(FORWARD), "the forward product, though called from loss");
        assertEquals(StepPhase.ACTIVATION, StepPhase.of(GATE), "the ReLU gate, though called from the SDDMM");
        assertEquals(StepPhase.BATCH, StepPhase.of(FILL));
        assertEquals(StepPhase.TOPOLOGY, StepPhase.of(GROWTH_GEMM), "growth's GEMM is a topology cost");
        assertEquals(StepPhase.OPTIMIZER, StepPhase.of(MOMENTUM));
        assertEquals(StepPhase.LOSS, StepPhase.of(SOFTMAX));
        assertEquals(StepPhase.HOOKS, StepPhase.of(FLOPS));
        assertEquals(StepPhase.FRAMEWORK, StepPhase.of(stack("rewire.autodiff.Tape.backward",
                "rewire.bench.peer.StepCosts.main")), "the benchmark's main is on every stack: it marks nothing");
        assertEquals(StepPhase.OTHER, StepPhase.of(JVM));
    }

    @Test
    void aPhaseTakesItsShareOfTheWallTimePerStep() {
        // 4 samples over 10 steps of 0.2 s in all: 20 ms a step, half of it sparse products
        StepProfile p = StepProfile.of("rigl", 0.01, 10, 0.2, List.of(FORWARD, FORWARD, FILL, JVM));
        assertEquals(4, p.totalSamples());
        assertEquals(20.0, p.msPerStep(), 1e-12);
        assertEquals(10.0, p.msPerStep(StepPhase.SPARSE), 1e-12);
        assertEquals(5.0, p.msPerStep(StepPhase.BATCH), 1e-12);
        assertEquals(0.0, p.msPerStep(StepPhase.TOPOLOGY), 1e-12);
    }

    @Test
    void profilesSurviveTheirCsvLinesAndFillTheTable() {
        StepProfile dense = StepProfile.of("dense", 1.0, 100, 5.0, List.of(FILL, SOFTMAX, SOFTMAX, MOMENTUM));
        StepProfile sparse = StepProfile.of("rigl", 0.02, 100, 1.0, List.of(FORWARD, FILL, GATE, GATE));
        List<String> lines = new ArrayList<>();
        for (StepProfile p : List.of(dense, sparse)) {
            p.toCsv().forEach(l -> lines.add(l.substring(StepProfile.PREFIX.length())));
        }
        assertEquals(List.of(dense, sparse), StepProfile.fromCsv(lines));
        String table = StepCostTable.markdown(List.of(dense, sparse));
        assertTrue(table.contains("| dense (ms) | RigL 2% (ms) |"), table);
        // RigL 2%: 10 ms a step, batch fill and the two gates (3 of 4 samples) do not scale with nnz
        assertTrue(table.contains("| **parts that do not scale with nnz** | no | n/a (dense) | 7.500 (75%) |"), table);
        assertTrue(table.contains("| **step (wall clock)** | | 50.000 | 10.000 |"), table);
    }

    @Test
    void badLinesAndEmptyRunsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StepProfile.fromCsv(List.of("rigl,0.1,10,1.0,SPARSE")));
        assertThrows(IllegalArgumentException.class, () -> StepProfile.of("rigl", 0.1, 0, 1.0, List.of()));
    }
}
