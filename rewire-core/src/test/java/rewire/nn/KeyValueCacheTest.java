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
 * sequence's forward pass, under each mask kind, with dense and sparse projections, for one
 * sequence and for several decoded together.
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
            assertDecodingMatches(attention, 1, mask.toString());
        }
    }

    @Test
    void sparseProjectionsDecodeAsTheyRunForward() {
        CausalSelfAttention attention = attention(true, new Rng(2));
        attention.setMask(AttentionMask.named("sparse", 4));
        assertDecodingMatches(attention, 1, "sparse qkv");
    }

    @Test
    void sequencesDecodedTogetherEachAttendOverTheirOwnKeys() {
        CausalSelfAttention attention = attention(true, new Rng(8));
        assertDecodingMatches(attention, 3, "three sequences, causal");
        attention.setMask(AttentionMask.named("local", 3));
        assertDecodingMatches(attention, 3, "three sequences, local");
    }

    @Test
    void aFullCacheRefusesAnotherTokenUntilCleared() {
        CausalSelfAttention attention = attention(false, new Rng(3));
        KeyValueCache cache = attention.newCache(WIDTH, 2, 1);
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
    void columnsOtherThanTheCachesSequencesOrAnotherWidthAreRejectedWithTheirShape() {
        CausalSelfAttention attention = attention(false, new Rng(5));
        KeyValueCache cache = attention.newCache(WIDTH, LENGTH, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> attention.decode(new Tape(), Var.constant(input(2, new Rng(6))), cache));
        assertTrue(e.getMessage().contains("(12, 2)") && e.getMessage().contains("(12, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> attention.newCache(WIDTH + 1, LENGTH, 1));
        assertThrows(IllegalArgumentException.class, () -> attention.newCache(WIDTH, LENGTH, 0));
    }

    // column b·T + t of forward over `sequences` sequences of LENGTH tokens equals column b of decoding position t,
    // within 1e-5 of the column's largest entry
    private static void assertDecodingMatches(CausalSelfAttention attention, int sequences, String what) {
        Tensor x = input(sequences * LENGTH, new Rng(7));
        attention.setSequenceLength(LENGTH);
        Tensor full = attention.forward(new Tape(), Var.constant(x)).value();
        KeyValueCache cache = attention.newCache(WIDTH, LENGTH, sequences);
        Tape tape = new Tape();
        for (int t = 0; t < LENGTH; t++) {
            Tensor step = Tensor.zeros(WIDTH, sequences);
            for (int f = 0; f < WIDTH; f++) {
                for (int b = 0; b < sequences; b++) {
                    step.set(f, b, x.get(f, b * LENGTH + t));
                }
            }
            tape.clear();
            Tensor y = attention.decode(tape, Var.constant(step), cache).value();
            for (int b = 0; b < sequences; b++) {
                double scale = 0;
                for (int f = 0; f < WIDTH; f++) {
                    scale = Math.max(scale, Math.abs(full.get(f, b * LENGTH + t)));
                }
                for (int f = 0; f < WIDTH; f++) {
                    assertEquals(full.get(f, b * LENGTH + t), y.get(f, b), 1e-5 * scale,
                            what + ": feature " + f + " of sequence " + b + " at position " + t);
                }
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
