package rewire.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import rewire.tensor.Tensor;

/** The attention masks against their definitions (METHODS.md B.4, n = 16, c = 4), and masked keys get no weight. */
class AttentionMaskTest {
    private static final int N = 16;
    private static final int C = 4;

    @Test
    void everyPatternMatchesItsBruteForceDefinition() {
        for (int q = 0; q < N; q++) {
            for (int k = 0; k < N; k++) {
                boolean causal = k <= q;
                boolean local = causal && q - k < C;
                boolean strided = causal && (q - k) % C == 0;
                assertEquals(causal, AttentionMask.causal().allows(q, k), "causal " + q + "," + k);
                assertEquals(local, AttentionMask.named("local", C).allows(q, k), "local " + q + "," + k);
                assertEquals(strided, AttentionMask.named("strided", C).allows(q, k), "strided " + q + "," + k);
                assertEquals(local || strided, AttentionMask.named("sparse", C).allows(q, k), "sparse " + q + "," + k);
            }
        }
        assertEquals(N * (N + 1) / 2, AttentionMask.causal().allowedPairs(N));
    }

    @Test
    void theFullMaskAllowsEveryPairAndIsTheOnlyOneThatIsNotCausal() {
        AttentionMask full = AttentionMask.named("full", 3);
        assertEquals(AttentionMask.full(), full);
        for (int q = 0; q < N; q++) {
            for (int k = 0; k < N; k++) {
                assertEquals(true, full.allows(q, k), "full " + q + "," + k);
            }
            assertEquals(N, full.keyCount(q, N));
        }
        assertEquals(N * N, full.allowedPairs(N));
        assertEquals(N * N, full.pattern(N).nnz());
        assertEquals(false, full.isCausal());
        for (String causal : new String[] {"causal", "local", "strided", "sparse"}) {
            assertEquals(true, AttentionMask.named(causal, C).isCausal(), causal);
        }
        assertEquals((long) N * N, AttentionOps.scoredPairs(full, N));
    }

    @Test
    void underTheFullMaskTheFirstTokenSeesTheLast() {
        // one head, d = 2, one sequence of 5: the last token's value reaches query 0
        Tensor qkv = Tensor.zeros(6, 5);
        float[] v = qkv.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.cos(0.9 * i);
        }
        float[] before = AttentionOps.selfAttention(new Tape(), Var.constant(qkv), 1, 5, AttentionMask.full())
                .value().data().clone();
        Tensor changed = qkv.copy();
        changed.set(4, 4, 9f);   // the value of token 4, feature 0
        float[] after = AttentionOps.selfAttention(new Tape(), Var.constant(changed), 1, 5, AttentionMask.full())
                .value().data();
        assertEquals(true, before[0] != after[0], "query 0 sees token 4's value");
    }

    @Test
    void unknownPatternsAndWidthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AttentionMask.named("fixed", 4));
        assertThrows(IllegalArgumentException.class, () -> AttentionMask.named("local", 0));
    }

    @Test
    void aQueryIgnoresKeysTheMaskHides() {
        // one head, d = 2, one sequence of 6: changing a hidden key or value leaves the output unchanged
        AttentionMask mask = AttentionMask.named("local", 2);
        Tensor qkv = Tensor.zeros(6, 6);
        float[] v = qkv.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(1.7 * i);
        }
        float[] before = AttentionOps.selfAttention(new Tape(), Var.constant(qkv), 1, 6, mask).value().data().clone();
        Tensor changed = qkv.copy();
        for (int row = 2; row < 6; row++) {
            changed.set(row, 0, 9f);   // key and value of token 0, hidden from queries 2..5
        }
        float[] after = AttentionOps.selfAttention(new Tape(), Var.constant(changed), 1, 6, mask).value().data();
        for (int f = 0; f < 2; f++) {
            for (int q = 2; q < 6; q++) {
                assertEquals(before[f * 6 + q], after[f * 6 + q], 0f, "query " + q);
            }
            assertEquals(true, before[f * 6] != after[f * 6], "query 0 sees its own changed value");
        }
    }
}
