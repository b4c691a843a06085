package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptModelSettings.SparseAttention;
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
    void promptsOutsideTheVocabularyAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> sampler.generate("xyz", 3, 1.0, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> sampler.generate("", 3, 1.0, new Rng(1)));
    }
}
