package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import rewire.sparse.SparsityPattern;
import rewire.tensor.RandomCases;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Sparse attention equals the masked dense attention (values and gradients, to float tolerance)
 * on random odd sizes, and the masks' patterns and counts hold exactly their allowed pairs.
 */
class SparseAttentionTest {
    private static final String[] PATTERNS = {"causal", "local", "strided", "sparse", "full"};

    @Test
    void patternsAndPairCountsMatchTheMaskPairByPair() {
        RandomCases.forEachSeed(31, 40, rng -> {
            int t = RandomCases.intBetween(rng, 1, 40);
            AttentionMask mask = AttentionMask.named(PATTERNS[rng.nextInt(PATTERNS.length)], RandomCases.intBetween(rng, 1, 12));
            SparsityPattern pattern = mask.pattern(t);
            long all = 0;
            for (int q = 0; q < t; q++) {
                int keys = 0;
                for (int k = 0; k < t; k++) {
                    keys += mask.allows(q, k) ? 1 : 0;
                    assertEquals(mask.allows(q, k), pattern.contains(q, k), mask + " pair " + q + ", " + k);
                }
                assertEquals(keys, mask.keyCount(q, t), mask + " keys of query " + q);
                all += keys;
            }
            assertEquals(all, mask.allowedPairs(t), mask + " pairs in " + t);
            assertEquals(all, pattern.nnz(), mask + " pattern of " + t);
        });
    }

    @Test
    void equalsMaskedDenseAttentionInValueAndGradient() {
        RandomCases.forEachSeed(32, 30, rng -> {
            int heads = RandomCases.intBetween(rng, 1, 3);
            int headDim = RandomCases.intBetween(rng, 1, 7);
            int t = RandomCases.intBetween(rng, 1, 23);
            int sequences = RandomCases.intBetween(rng, 1, 3);
            AttentionMask mask = AttentionMask.named(PATTERNS[rng.nextInt(PATTERNS.length)], RandomCases.intBetween(rng, 1, 9));
            Tensor qkv = Tensor.zeros(3 * heads * headDim, sequences * t);
            float[] v = qkv.data();
            float[] noise = RandomCases.gaussians(rng, v.length);
            for (int i = 0; i < v.length; i++) {
                v[i] = 2 * noise[i];
            }
            Tensor upstream = Tensor.zeros(heads * headDim, sequences * t);
            System.arraycopy(RandomCases.gaussians(rng, upstream.size()), 0, upstream.data(), 0, upstream.size());
            String what = mask + ", " + heads + " heads of " + headDim + ", " + sequences + " x " + t;
            Var masked = Var.leaf(qkv.copy());
            Var sparse = Var.leaf(qkv.copy());
            float[] yMasked = run(masked, upstream, heads, t, mask, false);
            float[] ySparse = run(sparse, upstream, heads, t, mask, true);
            assertClose(yMasked, ySparse, "output, " + what);
            assertClose(masked.grad().data(), sparse.grad().data(), "gradient, " + what);
        });
    }

    // runs one path, backpropagates upstream (the gradient of Σ y ⊙ upstream), returns y
    private static float[] run(Var qkv, Tensor upstream, int heads, int t, AttentionMask mask, boolean sparse) {
        Tape tape = new Tape();
        Var y = sparse ? SparseAttentionOps.selfAttention(tape, qkv, heads, t, mask)
                : AttentionOps.maskedSelfAttention(tape, qkv, heads, t, mask);
        tape.backward(Ops.sum(tape, Ops.mul(tape, y, Var.constant(upstream))));
        return y.value().data().clone();
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f * (1 + Math.abs(expected[i])), what + " at " + i);
        }
    }

    @Test
    void selfAttentionTakesTheSparseWalkOnlyForSparsePatterns() {
        Tensor qkv = Tensor.zeros(6, 8);
        Tape tape = new Tape();
        assertEquals("maskedSelfAttention", AttentionOps.selfAttention(tape, Var.constant(qkv), 1, 8,
                AttentionMask.causal()).op());
        assertEquals("sparseSelfAttention", AttentionOps.selfAttention(tape, Var.constant(qkv), 1, 8,
                AttentionMask.named("local", 3)).op());
        assertEquals(64, AttentionOps.scoredPairs(AttentionMask.causal(), 8));
        assertEquals(1 + 2 + 3 * 6, AttentionOps.scoredPairs(AttentionMask.named("local", 3), 8));
    }

    @Test
    void badSizesAreRejectedWithTheirShapes() {
        Var qkv = Var.constant(Tensor.zeros(9, 8));
        AttentionMask mask = AttentionMask.named("sparse", 2);
        assertThrows(IllegalArgumentException.class, () -> SparseAttentionOps.selfAttention(new Tape(), qkv, 2, 8, mask));
        assertThrows(IllegalArgumentException.class, () -> SparseAttentionOps.selfAttention(new Tape(), qkv, 1, 3, mask));
        assertThrows(IllegalArgumentException.class, () -> SparseAttentionOps.selfAttention(new Tape(), qkv, 1, 8, null));
    }
}
