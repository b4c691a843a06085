package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertDecodingMatches(workload(DENSE, MoeSettings.defaults(), BLOCK).model(), "dense");
    }

    @Test
    void aSparseModelDecodesThroughItsCsrLayers() {
        GptWorkload w = workload(SPARSE, MoeSettings.defaults(), BLOCK);
        List<SparseLinear> layers = w.group().sparseLayers();
        assertEquals(8, layers.size());
        assertTrue(layers.stream().allMatch(l -> l.representation() == SparseLinear.Representation.CSR));
        assertTrue(w.group().density() < 0.5, "density " + w.group().density());
        assertDecodingMatches(w.model(), "sparse");
    }

    @Test
    void everyAttentionMaskKindIsHonoured() {
        GptModel model = workload(DENSE, MoeSettings.defaults(), BLOCK).model();
        for (String kind : List.of("local", "strided", "sparse")) {
            model.setAttentionMask(AttentionMask.named(kind, 3));
            assertDecodingMatches(model, kind);
        }
        GptModel sparse = workload(SPARSE, MoeSettings.defaults(), BLOCK).model();
        sparse.setAttentionMask(AttentionMask.named("sparse", 4));
        assertDecodingMatches(sparse, "sparse weights, sparse attention");
    }

    @Test
    void aMixtureOfExpertsRoutesEachDecodedToken() {
        assertDecodingMatches(workload(DENSE, new MoeSettings(4, 2, 0.01), BLOCK).model(), "moe");
        assertDecodingMatches(workload(SPARSE, new MoeSettings(3, 1, 0.01), BLOCK).model(), "sparse moe top-1");
    }

    @Test
    void sequencesDecodedTogetherEachGetTheirOwnLogits() {
        GptModel sparse = workload(SPARSE, MoeSettings.defaults(), BLOCK).model();
        assertDecodingMatches(sparse, 4, "four sequences");
        sparse.setAttentionMask(AttentionMask.named("strided", 3));
        assertDecodingMatches(sparse, 4, "four sequences, strided");
        assertDecodingMatches(workload(DENSE, new MoeSettings(4, 2, 0.01), BLOCK).model(), 5, "five sequences, moe");
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
    void resetStartsAgainAtPositionZeroAndPrefillEndsWhereNextWould() {
        GptModel model = workload(DENSE, MoeSettings.defaults(), BLOCK).model();
        Decoder decoder = model.decoder(Kernels.defaults());
        int[] tokens = tokens(model, 5, 9);
        float[] stepped = null;
        for (int t : tokens) {
            stepped = decoder.next(t).clone();
        }
        assertEquals(5, decoder.length());
        assertArrayEquals(stepped, decoder.prefill(tokens), 0f);
        assertEquals(5, decoder.length());
        decoder.reset();
        assertEquals(0, decoder.length());
        assertThrows(IllegalArgumentException.class, () -> decoder.prefill(new int[0]));
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

    private static void assertDecodingMatches(GptModel model, String what) {
        assertDecodingMatches(model, 1, what);
    }

    // the decoder's logits at each position of `sequences` random sequences of the block size equal the full
    // pass's columns there, within 1e-5 of each column's largest magnitude
    private static void assertDecodingMatches(GptModel model, int sequences, String what) {
        int length = model.blockSize();
        int vocab = model.vocabSize();
        int[] tokens = tokens(model, sequences * length, 11);
        Tensor full = model.logits(new Tape(), tokens, length).value();        // (V, B·T)
        Decoder decoder = model.decoder(Kernels.defaults(), sequences);
        int[] step = new int[sequences];
        for (int t = 0; t < length; t++) {
            for (int b = 0; b < sequences; b++) {
                step[b] = tokens[b * length + t];
            }
            float[] logits = decoder.next(step);                              // (V, B)
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
