package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.Tape;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptModelSettings.SparseAttention;
import rewire.models.moe.MoeSettings;
import rewire.nn.SparseLinear;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.SparsitySettings;

/**
 * The key/value-cached decoder gives, at every position, the logits of recomputing the whole
 * sequence: for a dense model, a sparse one (CSR layers), every attention mask kind and a mixture
 * of experts, for one sequence and for several decoded together; and it refuses what would make
 * its cache wrong.
 */
class DecoderTest {
    static final SparsitySettings DENSE = new SparsitySettings("dense", 1, List.of());
    static final SparsitySettings SPARSE = new SparsitySettings("rigl", 0.3, List.of());
    private static final int BLOCK = 16;

    /** A 2-layer GPT of width 16, block 16, weights large enough that attention is far from uniform. */
    static GptWorkload workload(SparsitySettings sparsity, MoeSettings moe, int block) {
        GptConfig base = GptTraceTest.tiny(sparsity, SparseAttention.NONE);
        // crossover 2: sparse layers always run the CSR kernels
        GptModelSettings model = new GptModelSettings(2, 2, 16, block, 0.3, 2.0, SparseAttention.NONE, 3, 0.25, 0.75,
                moe);
        GptConfig config = new GptConfig(base.workload(), base.name(), base.seed(), model, base.data(), base.train(),
                base.optim(), sparsity, base.dist(), base.distill());
        return (GptWorkload) GptRuns.spec(config, GptTraceTest.TEXT, Kernels.defaults()).workload();
    }

    @Test
    void aDenseModelDecodesTheLogitsOfTheFullPassAtEveryPosition() {
        GptModel model = workload(DENSE, MoeSettings.defaults(), BLOCK).model();
        assertDecodingMatches(model, 1, 0, "dense, token by token");
        assertDecodingMatches(model, 1, 5, "dense, after a prompt of 5");
    }

    @Test
    void aSparseModelDecodesThroughItsCsrLayers() {
        GptWorkload w = workload(SPARSE, MoeSettings.defaults(), BLOCK);
        List<SparseLinear> layers = w.group().sparseLayers();
        assertEquals(8, layers.size());
        assertTrue(layers.stream().allMatch(l -> l.representation() == SparseLinear.Representation.CSR));
        assertTrue(w.group().density() < 0.5, "density " + w.group().density());
        assertDecodingMatches(w.model(), 1, 0, "sparse");
        assertDecodingMatches(w.model(), 1, 3, "sparse, after a prompt of 3");
    }

    @Test
    void everyAttentionMaskKindIsHonoured() {
        GptModel model = workload(DENSE, MoeSettings.defaults(), BLOCK).model();
        for (String kind : List.of("local", "strided", "sparse")) {
            model.setAttentionMask(AttentionMask.named(kind, 3));
            assertDecodingMatches(model, 1, 0, kind);
            assertDecodingMatches(model, 1, 7, kind + ", after a prompt of 7");
        }
        GptModel sparse = workload(SPARSE, MoeSettings.defaults(), BLOCK).model();
        sparse.setAttentionMask(AttentionMask.named("sparse", 4));
        assertDecodingMatches(sparse, 1, 6, "sparse weights, sparse attention");
    }

    @Test
    void aMixtureOfExpertsRoutesEachDecodedToken() {
        assertDecodingMatches(workload(DENSE, new MoeSettings(4, 2, 0.01), BLOCK).model(), 1, 0, "moe");
        assertDecodingMatches(workload(SPARSE, new MoeSettings(3, 1, 0.01), BLOCK).model(), 1, 4, "sparse moe top-1");
    }

    @Test
    void sequencesDecodedTogetherEachGetTheirOwnLogits() {
        GptModel sparse = workload(SPARSE, MoeSettings.defaults(), BLOCK).model();
        assertDecodingMatches(sparse, 4, 5, "four sequences");
        sparse.setAttentionMask(AttentionMask.named("strided", 3));
        assertDecodingMatches(sparse, 4, 0, "four sequences, strided");
        assertDecodingMatches(workload(DENSE, new MoeSettings(4, 2, 0.01), BLOCK).model(), 5, 3,
                "five sequences, moe");
    }

    @Test
    void promptsAndTokensMustBeOnePerSequence() {
        GptModel model = workload(DENSE, MoeSettings.defaults(), BLOCK).model();
        Decoder decoder = model.decoder(Kernels.defaults(), 2);
        assertEquals(2, decoder.sequences());
        assertThrows(IllegalArgumentException.class, () -> decoder.next(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decoder.prefill(new int[] {1, 2}, new int[] {3}));
        assertTrue(e.getMessage().contains("[2, 1]"), e.getMessage());
        float[] both = decoder.prefill(new int[] {1, 2}, new int[] {1, 2}).clone();
        for (int v = 0; v < model.vocabSize(); v++) {
            assertEquals(both[2 * v], both[2 * v + 1], 0f, "the same prompt gives the same logits");
        }
        assertThrows(IllegalArgumentException.class, () -> model.decoder(Kernels.defaults(), 0));
    }

    @Test
    void resetStartsAgainAtPositionZeroAndAPromptMustFitTheBlock() {
        GptModel model = workload(DENSE, MoeSettings.defaults(), BLOCK).model();
        Decoder decoder = model.decoder(Kernels.defaults());
        float[] first = decoder.next(3).clone();
        decoder.next(4);
        assertEquals(2, decoder.length());
        decoder.reset();
        assertEquals(0, decoder.length());
        assertArrayEquals(first, decoder.next(3), 0f);
        assertThrows(IllegalArgumentException.class, () -> decoder.prefill(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> decoder.prefill(tokens(model, BLOCK + 1, 2)));
        decoder.prefill(tokens(model, BLOCK, 2));
        assertEquals(BLOCK, decoder.length());
    }

    @Test
    void aSequenceBeyondTheBlockSizeIsRefused() {
        GptModel model = workload(DENSE, MoeSettings.defaults(), 4).model();
        Decoder decoder = model.decoder(Kernels.defaults());
        decoder.prefill(tokens(model, 4, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> decoder.next(0));
        assertTrue(e.getMessage().contains("block size"), e.getMessage());
    }

    @Test
    void aMaskChangedDuringASequenceIsRefusedAndTheModelDecodesInEvaluationMode() {
        GptModel model = workload(DENSE, MoeSettings.defaults(), BLOCK).model();
        model.train();
        Decoder decoder = model.decoder(Kernels.defaults());
        decoder.next(1);
        assertFalse(model.isTraining());
        model.setAttentionMask(AttentionMask.named("local", 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> decoder.next(2));
        assertTrue(e.getMessage().contains("LOCAL"), e.getMessage());
        decoder.reset();
        decoder.next(2);
        assertEquals(1, decoder.length());
    }

    // `sequences` random sequences of the block size, the first `prompt` tokens of each prefilled (none: every
    // token through next): the decoder's logits at each position from the prompt's last on equal the full pass's
    // columns there, within 1e-5 of each column's largest magnitude
    private static void assertDecodingMatches(GptModel model, int sequences, int prompt, String what) {
        int length = model.blockSize();
        int[] tokens = tokens(model, sequences * length, 11);
        Tensor full = model.logits(new Tape(), tokens, length).value();        // (V, B·T)
        Decoder decoder = model.decoder(Kernels.defaults(), sequences);
        if (prompt > 0) {
            int[][] prompts = new int[sequences][];
            for (int b = 0; b < sequences; b++) {
                prompts[b] = Arrays.copyOfRange(tokens, b * length, b * length + prompt);
            }
            assertColumnsMatch(full, decoder.prefill(prompts), length, prompt - 1, what);
        }
        int[] step = new int[sequences];
        for (int t = prompt; t < length; t++) {
            for (int b = 0; b < sequences; b++) {
                step[b] = tokens[b * length + t];
            }
            assertColumnsMatch(full, decoder.next(step), length, t, what);
        }
    }

    // logits (V, B) of position t equal columns b·T + t of full (V, B·T)
    private static void assertColumnsMatch(Tensor full, float[] logits, int length, int t, String what) {
        int vocab = full.rows();
        int sequences = logits.length / vocab;
        for (int b = 0; b < sequences; b++) {
            int column = b * length + t;
            double scale = 0;
            for (int v = 0; v < vocab; v++) {
                scale = Math.max(scale, Math.abs(full.get(v, column)));
            }
            for (int v = 0; v < vocab; v++) {
                assertEquals(full.get(v, column), logits[v * sequences + b], 1e-5 * scale,
                        what + ": logit " + v + " of sequence " + b + " at position " + t);
            }
        }
    }

    private static int[] tokens(GptModel model, int count, long seed) {
        Rng rng = new Rng(seed);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = rng.nextInt(model.vocabSize());
        }
        return tokens;
    }
}
