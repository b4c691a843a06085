package rewire.testkit;

import org.junit.jupiter.api.Test;
import rewire.autodiff.Activations;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.AttentionOps;
import rewire.autodiff.EmbeddingOps;
import rewire.autodiff.LinearOps;
import rewire.autodiff.NormOps;
import rewire.autodiff.Ops;
import rewire.autodiff.SequenceOps;
import rewire.autodiff.SparseAttentionOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * Finite-difference checks of the transformer ops: embedding lookup, weight tying, a class token
 * prepended and read back, layer norm, GELU, residual add and multi-head self-attention under every
 * mask, computed densely and masked or over the allowed pairs only. Outputs are reduced by a fixed
 * random projection, as in {@link OpGradientTest}.
 */
class TransformerOpGradientTest extends OpGradientCase {
    TransformerOpGradientTest() {
        super(7);
    }

    @Test
    void embeddingLookupWithRepeatedIds() {
        Var table = leaf(5, 3);
        int[] ids = {4, 0, 4, 2, 1, 4};
        check(t -> EmbeddingOps.lookup(t, table, ids), table);
    }

    @Test
    void tiedEmbeddingAndHeadShareOneGradient() {
        Var table = leaf(6, 4);
        int[] ids = {1, 5, 5, 0};
        check(t -> LinearOps.linear(t, EmbeddingOps.lookup(t, table, ids), table), table);
    }

    @Test
    void aTokenPrependedToEachSequenceAndTheFirstTokensReadBack() {
        // F = 3, B = 2 sequences of n = 4 tokens, 5 with the prepended one
        Var first = leaf(3, 2);
        Var rest = leaf(3, 8);
        check(t -> SequenceOps.prepend(t, first, rest), first, rest);
        Var tokens = leaf(3, 10);
        check(t -> SequenceOps.firstTokens(t, tokens, 5), tokens);
        check(t -> SequenceOps.firstTokens(t, SequenceOps.prepend(t, first, rest), 5), first, rest);
    }

    @Test
    void layerNormWithAndWithoutBias() {
        Var x = leaf(6, 5);
        Var gain = leaf(6);
        Var bias = leaf(6);
        check(t -> NormOps.layerNorm(t, x, gain, bias, 1e-5), x, gain, bias);
        check(t -> NormOps.layerNorm(t, x, gain, null, 1e-5), x, gain);
    }

    @Test
    void geluAndResidualAdd() {
        Var x = leaf(4, 6);
        Var r = leaf(4, 6);
        check(t -> Ops.add(t, r, Activations.gelu(t, x)), x, r);
    }

    @Test
    void attentionUnderEveryMask() {
        // d = 6, 2 heads of 3, 2 sequences of 5 tokens
        for (AttentionMask mask : new AttentionMask[] {AttentionMask.causal(), AttentionMask.named("local", 2),
            AttentionMask.named("strided", 2), AttentionMask.named("sparse", 2), AttentionMask.full()}) {
            Var qkv = leaf(18, 10);
            check(t -> AttentionOps.maskedSelfAttention(t, qkv, 2, 5, mask), qkv);
        }
    }

    @Test
    void sparseAttentionUnderEveryPatternAtOddSizes() {
        // T = 7 is no multiple of the window or stride 3; 1 head of 4 in one sequence, and 3 heads of 2 in two
        for (AttentionMask mask : new AttentionMask[] {AttentionMask.causal(), AttentionMask.named("local", 3),
            AttentionMask.named("strided", 3), AttentionMask.named("sparse", 3), AttentionMask.full()}) {
            Var single = leaf(12, 7);
            check(t -> SparseAttentionOps.selfAttention(t, single, 1, 7, mask), single);
            Var multi = leaf(18, 14);
            check(t -> SparseAttentionOps.selfAttention(t, multi, 3, 7, mask), multi);
        }
    }

    @Test
    void attentionIsSafeForLargeScores() {
        // d = 2, one head, one sequence of 4; scores near 1e4 overflow exp without the max shift
        for (boolean sparse : new boolean[] {false, true}) {
            Var qkv = leaf(6, 4);
            float[] v = qkv.value().data();
            for (int i = 0; i < 8; i++) {
                v[i] = 70f + i;
            }
            Tape tape = new Tape();
            Var y = sparse ? SparseAttentionOps.selfAttention(tape, qkv, 1, 4, AttentionMask.named("sparse", 2))
                    : AttentionOps.maskedSelfAttention(tape, qkv, 1, 4, AttentionMask.causal());
            tape.backward(Ops.sum(tape, y));
            for (float f : y.value().data()) {
                org.junit.jupiter.api.Assertions.assertTrue(Float.isFinite(f), y.op() + " output " + f);
            }
            for (float f : qkv.grad().data()) {
                org.junit.jupiter.api.Assertions.assertTrue(Float.isFinite(f), y.op() + " gradient " + f);
            }
        }
    }
}
