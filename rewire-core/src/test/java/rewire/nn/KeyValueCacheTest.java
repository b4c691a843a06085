package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Decoding one token at a time through a {@link KeyValueCache} gives every column of the whole
 * sequence's forward pass, under each mask kind, with dense and sparse projections.
 */
class KeyValueCacheTest {
    private static final int WIDTH = 12;
    private static final int HEADS = 3;
    private static final int LENGTH = 10;

    @Test
    void decodingTokenByTokenEqualsTheForwardPassUnderEveryMask() {
        for (AttentionMask mask : new AttentionMask[] {AttentionMask.causal(), AttentionMask.named("local", 3),
                AttentionMask.named("strided", 3), AttentionMask.named("sparse", 3)}) {
            CausalSelfAttention attention = attention(false, new Rng(1));
            attention.setMask(mask);
            assertDecodingMatches(attention, mask.toString());
        }
    }

    @Test
    void sparseProjectionsDecodeAsTheyRunForward() {
        CausalSelfAttention attention = attention(true, new Rng(2));
        attention.setMask(AttentionMask.named("sparse", 4));
        assertDecodingMatches(attention, "sparse qkv");
    }

    @Test
    void aFullCacheRefusesAnotherTokenUntilCleared() {
        CausalSelfAttention attention = attention(false, new Rng(3));
        KeyValueCache cache = attention.newCache(WIDTH, 2);
        Tape tape = new Tape();
        Var x = Var.constant(input(1, new Rng(4)));
        attention.decode(tape, x, cache);
        attention.decode(tape, x, cache);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> attention.decode(tape, x, cache));
        assertTrue(e.getMessage().contains("holds 2 positions"), e.getMessage());
        cache.clear();
        assertEquals(0, cache.length());
        attention.decode(tape, x, cache);
        assertEquals(1, cache.length());
    }

    @Test
    void aBatchOrAnotherWidthIsRejectedWithItsShape() {
        CausalSelfAttention attention = attention(false, new Rng(5));
        KeyValueCache cache = attention.newCache(WIDTH, LENGTH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> attention.decode(new Tape(), Var.constant(input(2, new Rng(6))), cache));
        assertTrue(e.getMessage().contains("(12, 2)") && e.getMessage().contains("(12, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> attention.newCache(WIDTH + 1, LENGTH));
    }

    // column t of forward over LENGTH tokens equals decoding tokens 0..t, within 1e-5 of the column's largest entry
    private static void assertDecodingMatches(CausalSelfAttention attention, String what) {
        Tensor x = input(LENGTH, new Rng(7));
        attention.setSequenceLength(LENGTH);
        Tensor full = attention.forward(new Tape(), Var.constant(x)).value();
        KeyValueCache cache = attention.newCache(WIDTH, LENGTH);
        Tape tape = new Tape();
        for (int t = 0; t < LENGTH; t++) {
            tape.clear();
            Tensor y = attention.decode(tape, Var.constant(x.columns(t, t + 1)), cache).value();
            double scale = 0;
            for (int f = 0; f < WIDTH; f++) {
                scale = Math.max(scale, Math.abs(full.get(f, t)));
            }
            for (int f = 0; f < WIDTH; f++) {
                assertEquals(full.get(f, t), y.get(f, 0), 1e-5 * scale, what + ": feature " + f + " at position " + t);
            }
        }
        assertEquals(LENGTH, cache.length());
    }

    private static CausalSelfAttention attention(boolean sparse, Rng rng) {
        Layer qkv = sparse ? SparseLinear.create("qkv", WIDTH, 3 * WIDTH, 0.3, rng.fold(1))
                : Linear.create("qkv", WIDTH, 3 * WIDTH, rng.fold(1));
        return new CausalSelfAttention(qkv, Linear.create("proj", WIDTH, WIDTH, rng.fold(2)), HEADS, LENGTH);
    }

    private static Tensor input(int columns, Rng rng) {
        Tensor x = Tensor.zeros(WIDTH, columns);
        float[] v = x.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return x;
    }
}
