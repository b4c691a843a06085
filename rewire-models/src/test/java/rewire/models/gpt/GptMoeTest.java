package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.Tape;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptModelSettings.SparseAttention;
import rewire.models.moe.MoeSettings;
import rewire.run.RunSpec;
import rewire.sparsity.FlopCounter;
import rewire.train.Evaluation;
import rewire.train.SparsitySettings;

/** The GPT with a mixture of experts in every block: it trains, repeats its bits, logs expert loads and counts routed FLOPs. */
class GptMoeTest {
    private static final SparsitySettings DENSE = new SparsitySettings("dense", 1, List.of());

    static GptConfig tinyMoe(SparsitySettings sparsity, int experts, int topK) {
        GptConfig dense = GptTraceTest.tiny(sparsity, SparseAttention.NONE);
        GptModelSettings m = dense.model();
        GptModelSettings model = new GptModelSettings(m.layers(), m.heads(), m.width(), m.blockSize(), m.initStd(),
                m.crossover(), m.sparseAttention(), m.sparseAttentionWidth(), m.sparseAttentionStart(),
                m.sparseAttentionEnd(), new MoeSettings(experts, topK, 0.01));
        return new GptConfig(dense.workload(), dense.name(), dense.seed(), model, dense.data(), dense.train(),
                dense.optim(), sparsity, dense.dist(), dense.distill());
    }

    @Test
    void aMixtureGptLearnsAndRepeatsBitForBit() {
        GptConfig config = tinyMoe(DENSE, 4, 2);
        double[] first = GptTraceTest.losses(config);
        assertArrayEquals(first, GptTraceTest.losses(config), 0.0);
        assertTrue(first[first.length - 1] < first[0] - 0.05, "the loss falls: " + first[0] + " -> "
                + first[first.length - 1]);
    }

    @Test
    void evaluationReportsTheBusiestExpertAndEachExpertsShare() {
        RunSpec spec = GptRuns.spec(tinyMoe(DENSE, 4, 2), GptTraceTest.TEXT, Kernels.defaults());
        GptWorkload w = (GptWorkload) spec.workload();
        assertEquals("expertLoad", w.scores().get(2).key());
        Evaluation e = w.evaluate(0);
        double shares = 0;
        for (int i = 0; i < 4; i++) {
            shares += e.get("expertShare" + i);
        }
        assertEquals(1, shares, 1e-9);
        assertTrue(e.get("expertLoad") >= 1 && e.get("expertLoad") <= 4, "load " + e.get("expertLoad"));
        var loss = w.loss(new Tape(), 0);
        assertTrue(loss.metrics().containsKey("balanceTerm") && loss.metrics().containsKey("expertLoad"));
    }

    @Test
    void exportRefusesAMixtureItHasNoNanoGptNamesFor() {
        GptWorkload w = (GptWorkload) GptRuns.spec(tinyMoe(DENSE, 4, 2), GptTraceTest.TEXT, Kernels.defaults())
                .workload();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.torchLayout(0));
        assertTrue(e.getMessage().contains("model.moe"), e.getMessage());
    }

    @Test
    void expertsAreSparseUnderARecipeAndTheirFlopLayersSeeKOverEOfTheTokens() {
        RunSpec spec = GptRuns.spec(tinyMoe(new SparsitySettings("rigl", 0.5, List.of()), 4, 2), GptTraceTest.TEXT,
                Kernels.defaults());
        GptWorkload w = (GptWorkload) spec.workload();
        assertEquals(2 + 2 * 4, w.group().sparseLayers().size());
        List<FlopCounter.Layer> flops = w.group().flopLayers();
        assertEquals(List.of("h0.attn.qkv.weight", "h0.attn.proj.weight", "h0.moe.e0.fc.weight", "h0.moe.e0.proj.weight"),
                flops.subList(0, 4).stream().map(FlopCounter.Layer::name).toList());
        assertEquals(0.5, flops.get(2).share());
        assertEquals(1.0, flops.get(0).share());
        assertTrue(flops.stream().anyMatch(f -> f.name().equals("h0.moe.router.weight") && f.dense()));
    }

    @Test
    void theMoeSectionBindsFromKeysAndRejectsTopKAboveTheExperts() {
        GptConfig bound = Config.load(GptConfig.class, List.of("model.moe.experts=4", "model.moe.topK=1"));
        assertEquals(new MoeSettings(4, 1, 0.01), bound.model().moe());
        Exception e = assertThrows(RuntimeException.class,
                () -> Config.load(GptConfig.class, List.of("model.moe.experts=2", "model.moe.topK=3")));
        assertTrue(e.getMessage().contains("model.moe"), e.getMessage());
    }
}
