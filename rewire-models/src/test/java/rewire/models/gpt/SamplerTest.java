package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.AttentionMask;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptModelSettings.SparseAttention;
import rewire.models.moe.MoeSettings;
import rewire.tensor.Rng;
import rewire.train.SparsitySettings;

class SamplerTest {
    private final GptWorkload workload = (GptWorkload) GptRuns.spec(GptTraceTest.tiny(
            new SparsitySettings("dense", 1, List.of()), SparseAttention.NONE), GptTraceTest.TEXT, Kernels.defaults())
            .workload();
    private final Sampler sampler = new Sampler(workload.model(), workload.tokenizer(), Kernels.defaults());

    @Test
    void theSameSeedGivesTheSameTextAndAnotherSeedAnother() {
        // longer than the block of 8, so the context is cropped
        String a = sampler.generate("To be", 40, 1.0, new Rng(4));
        assertEquals(a, sampler.generate("To be", 40, 1.0, new Rng(4)));
        assertNotEquals(a, sampler.generate("To be", 40, 1.0, new Rng(5)));
        assertTrue(a.startsWith("To be") && a.codePointCount(0, a.length()) == 45, a);
    }

    @Test
    void temperatureZeroIsGreedyAndIgnoresTheSeed() {
        assertEquals(sampler.generate("o", 12, 0, new Rng(1)), sampler.generate("o", 12, 0, new Rng(2)));
    }

    @Test
    void theKeyValueCacheSamplesTheTextOfRecomputingAcrossTheBlockSize() {
        // block 16: 40 tokens from a 5-token prompt decode 11 from the cache, then slide the window
        GptWorkload dense = DecoderTest.workload(DecoderTest.DENSE, MoeSettings.defaults(), 16);
        assertSameText(dense, "To be", 40, "dense");
        GptWorkload sparse = DecoderTest.workload(DecoderTest.SPARSE, MoeSettings.defaults(), 16);
        sparse.model().setAttentionMask(AttentionMask.named("sparse", 3));
        assertSameText(sparse, "To be", 40, "sparse weights and attention");
        assertSameText(DecoderTest.workload(DecoderTest.DENSE, new MoeSettings(4, 2, 0.01), 16), "To be", 40, "moe");
        // a prompt that fills the block, and one longer than it, which only recomputing can take
        assertSameText(dense, "To be, or not to", 5, "prompt of the block size");
        assertSameText(dense, "To be, or not to be", 5, "prompt beyond the block size");
    }

    // greedy and seeded sampling at temperature 0.8 give the same text with and without the cache
    private static void assertSameText(GptWorkload w, String prompt, int count, String what) {
        Sampler cached = new Sampler(w.model(), w.tokenizer(), Kernels.defaults());
        Sampler recomputing = new Sampler(w.model(), w.tokenizer(), Kernels.defaults(), Sampler.Decoding.RECOMPUTE);
        assertEquals(recomputing.generate(prompt, count, 0, new Rng(1)), cached.generate(prompt, count, 0, new Rng(1)),
                what + ", greedy");
        for (long seed = 1; seed <= 3; seed++) {
            assertEquals(recomputing.generate(prompt, count, 0.8, new Rng(seed)),
                    cached.generate(prompt, count, 0.8, new Rng(seed)), what + ", temperature 0.8, seed " + seed);
        }
    }

    @Test
    void promptsOutsideTheVocabularyAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> sampler.generate("xyz", 3, 1.0, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> sampler.generate("", 3, 1.0, new Rng(1)));
    }
}
