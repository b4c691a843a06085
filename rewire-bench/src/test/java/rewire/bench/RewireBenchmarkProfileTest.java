package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.bench.RewireBenchmarkProfile.Phase;

/** Sorting JFR stacks (innermost frame first) into the phases of an update. */
class RewireBenchmarkProfileTest {
    private static final List<String> UPDATE = List.of("rewire.sparsity.RewireStep.run",
            "rewire.sparsity.Rewirer.maybeRewire", "rewire.bench.RewireBenchmark.update",
            "rewire.bench.jmh_generated.RewireBenchmark_update_jmhTest.update_avgt_jmhStub");

    private static List<String> stack(String... inner) {
        List<String> frames = new java.util.ArrayList<>(List.of(inner));
        frames.addAll(UPDATE);
        return frames;
    }

    private static final List<String> OPENBLAS = stack("java.lang.invoke.LambdaForm$MH.invoke",
            "rewire.kernel.NativeBlas.gemm", "rewire.kernel.Kernels.gemmRaw", "rewire.kernel.DenseScores.scan",
            "rewire.kernel.DenseScores.topAbsProductOutside", "rewire.sparsity.ScoredGrowth.select",
            "rewire.sparsity.RewireStep.growPerLayer");
    private static final List<String> JAVA_GEMM = stack("rewire.kernel.ScalarKernels.gemm",
            "rewire.kernel.Parallel.forRange", "rewire.kernel.Kernels.gemmRaw", "rewire.kernel.Kernels.gemm",
            "rewire.sparsity.DenseMomentum.observe");
    private static final List<String> HEAP = stack("rewire.kernel.TopK.siftDown", "rewire.kernel.TopK.offer",
            "rewire.sparsity.Scan.candidates", "rewire.sparsity.ch.CannistraciHebbGrowth.lambda$criterion$0",
            "rewire.sparsity.RewireStep.growPerLayer");
    private static final List<String> CH = stack("rewire.sparsity.ch.L3nTileScorer.add",
            "rewire.sparsity.Scan.candidates", "rewire.sparsity.RewireStep.growPerLayer");
    private static final List<String> PRUNE = stack("java.util.DualPivotQuicksort.sort",
            "rewire.sparsity.Ranking.keepTop", "rewire.sparsity.RewireStep.prune");
    private static final List<String> OUTSIDE = List.of("java.lang.Thread.run");

    @Test
    void theInnermostMarkedFrameDecides() {
        assertEquals(Phase.OPENBLAS, RewireBenchmarkProfile.phase(OPENBLAS));
        assertEquals(Phase.JAVA_GEMM, RewireBenchmarkProfile.phase(JAVA_GEMM));
        assertEquals(Phase.HEAP, RewireBenchmarkProfile.phase(HEAP));
        assertEquals(Phase.CH_SCORES, RewireBenchmarkProfile.phase(CH));
        assertEquals(Phase.PRUNE, RewireBenchmarkProfile.phase(PRUNE));
        assertEquals(Phase.OTHER, RewireBenchmarkProfile.phase(UPDATE));
        // a sample in the dispatch before the native call is not GEMM work
        assertEquals(Phase.GROW_OTHER, RewireBenchmarkProfile.phase(OPENBLAS.subList(2, OPENBLAS.size())));
    }

    @Test
    void countsOnlyUpdateSamplesAndChecksWhoCalledTheGemm() {
        RewireBenchmarkProfile p = RewireBenchmarkProfile.of("gradient", 0.1, 1,
                List.of(OPENBLAS, OPENBLAS, JAVA_GEMM, HEAP, PRUNE, OUTSIDE, OUTSIDE));
        assertEquals(5, p.samples());
        assertEquals(2, p.phases().get(Phase.OPENBLAS));
        assertEquals(1, p.phases().get(Phase.JAVA_GEMM));
        assertEquals(3, p.gemmSamples());
        assertEquals(2, p.gemmViaScores(), "the Java GEMM sample came from DenseMomentum, not DenseScores");
        assertEquals(0, p.phases().get(Phase.APPLY));
        assertTrue(p.phases().keySet().containsAll(List.of(Phase.values())));
    }
}
