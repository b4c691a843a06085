package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.Tape;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptModelSettings.SparseAttention;
import rewire.run.RunSpec;
import rewire.sparsity.FlopCounter;
import rewire.train.SparsitySettings;
import rewire.train.Workload;

class GptWorkloadTest {

    @Test
    void hybridAttentionIsSparseExactlyInsideItsWindow() {
        // 16 steps, window [0.25, 0.75) -> steps 4..11
        RunSpec spec = GptRuns.spec(GptTraceTest.tiny(new SparsitySettings("mst", 0.3, List.of()),
                SparseAttention.SPARSE),
                GptTraceTest.TEXT, Kernels.defaults());
        GptWorkload w = (GptWorkload) spec.workload();
        assertEquals(AttentionMask.causal(), w.maskAt(3));
        assertEquals(AttentionMask.named("sparse", 2), w.maskAt(4));
        assertEquals(AttentionMask.named("sparse", 2), w.maskAt(11));
        assertEquals(AttentionMask.causal(), w.maskAt(12));
    }

    @Test
    void attentionFlopsCountTheScoredPairsOfEachStep() {
        // 1 layer, d = 8, T = 8; window [0.25, 0.75) -> steps 4..11 use local-or-strided with c = 2
        RunSpec spec = GptRuns.spec(GptTraceTest.tiny(new SparsitySettings("mst", 0.3, List.of()),
                SparseAttention.SPARSE),
                GptTraceTest.TEXT, Kernels.defaults());
        GptWorkload w = (GptWorkload) spec.workload();
        long perPair = 12L * 8 * 2;  // width 8, batch 2
        w.loss(new Tape(Kernels.defaults()), 3);
        assertEquals(new Workload.ActivationFlops(perPair * 64, perPair * 64), w.takeActivationFlops());
        w.loss(new Tape(Kernels.defaults()), 4);
        w.loss(new Tape(Kernels.defaults()), 5);
        // allowed keys of queries 0..7: 1, 2, 3, 3, 4, 4, 5, 5
        assertEquals(new Workload.ActivationFlops(perPair * 2 * 27, perPair * 2 * 64), w.takeActivationFlops());
        assertEquals(new Workload.ActivationFlops(0, 0), w.takeActivationFlops());
    }

    @Test
    void everyBlockLinearIsSparseUnderARecipeAndFlopsCountTheHead() {
        RunSpec spec = GptRuns.spec(GptTraceTest.tiny(new SparsitySettings("rigl", 0.5, List.of()),
                SparseAttention.NONE),
                GptTraceTest.TEXT, Kernels.defaults());
        GptWorkload w = (GptWorkload) spec.workload();
        assertEquals(4, w.group().sparseLayers().size());
        List<String> names = w.group().flopLayers().stream().map(FlopCounter.Layer::name).toList();
        assertEquals(List.of("h0.attn.qkv.weight", "h0.attn.proj.weight", "h0.mlp.fc.weight",
                "h0.mlp.proj.weight", "head"), names);
        assertTrue(spec.configYaml().contains("vocabulary: ["), "the vocabulary is stored with the run");
    }

    @Test
    void theDenseModelHasNoSparseLayersAndRejectsATooShortText() {
        GptConfig config = GptTraceTest.tiny(new SparsitySettings("dense", 1, List.of()), SparseAttention.NONE);
        assertEquals(0, GptRuns.spec(config, GptTraceTest.TEXT, Kernels.defaults()).workload().groups().get(0)
                .sparseLayers().size());
        assertThrows(IllegalArgumentException.class, () -> GptRuns.spec(config, "abcdefghij".repeat(3), Kernels.defaults()));
    }
}
