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
    void aFullMaskRefusesDecodingOneTokenAtATime() {
        CausalSelfAttention attention = attention(false, new Rng(12));
        attention.setMask(AttentionMask.full());
        KeyValueCache cache = attention.newCache(WIDTH, LENGTH, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> attention.decode(new Tape(), Var.constant(input(1, new Rng(13))), cache));
        assertTrue(e.getMessage().startsWith("decode: one token at a time needs a causal mask"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> attention.prefill(new Tape(), Var.constant(input(4, new Rng(14))), cache));
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
    void aPrefilledPromptContinuesAsDecodingWould() {
        CausalSelfAttention attention = attention(true, new Rng(9));
        assertDecodingMatches(attention, 1, 4, "prompt of 4");
        attention.setMask(AttentionMask.named("strided", 2));
        assertDecodingMatches(attention, 3, 5, "three prompts of 5, strided");
        assertDecodingMatches(attention, 2, LENGTH, "prompts that fill the cache");
        KeyValueCache cache = attention.newCache(WIDTH, 3, 1);
        assertThrows(IllegalStateException.class,
                () -> attention.prefill(new Tape(), Var.constant(input(4, new Rng(10))), cache));
        attention.decode(new Tape(), Var.constant(input(1, new Rng(11))), cache);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> attention.prefill(new Tape(), Var.constant(input(2, new Rng(12))), cache));
        assertTrue(e.getMessage().contains("holds 1 of 3"), e.getMessage());
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

    private static void assertDecodingMatches(CausalSelfAttention attention, int sequences, String what) {
        assertDecodingMatches(attention, sequences, 0, what);
    }

    // column b·T + t of forward over `sequences` sequences of LENGTH tokens equals column b of decoding position t,
    // the first `prompt` positions of each prefilled in one pass (none: all decoded), within 1e-5 of the column's
    // largest entry
    private static void assertDecodingMatches(CausalSelfAttention attention, int sequences, int prompt, String what) {
        Tensor x = input(sequences * LENGTH, new Rng(7));
        attention.setSequenceLength(LENGTH);
        Tensor full = attention.forward(new Tape(), Var.constant(x)).value();
        KeyValueCache cache = attention.newCache(WIDTH, LENGTH, sequences);
        Tape tape = new Tape();
        if (prompt > 0) {
            Tensor y = attention.prefill(tape, Var.constant(positions(x, sequences, 0, prompt)), cache).value();
            for (int t = 0; t < prompt; t++) {
                assertColumnsMatch(full, positions(y, sequences, t, t + 1, prompt), t, what);
            }
        }
        for (int t = prompt; t < LENGTH; t++) {
            tape.clear();
            Tensor y = attention.decode(tape, Var.constant(positions(x, sequences, t, t + 1)), cache).value();
            assertColumnsMatch(full, y, t, what);
        }
        assertEquals(LENGTH, cache.length());
    }

    // columns b·T + t of full (d, B·T) equal y (d, B), within 1e-5 of each column's largest entry
    private static void assertColumnsMatch(Tensor full, Tensor y, int t, String what) {
        for (int b = 0; b < y.cols(); b++) {
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

    // positions [from, to) of each of `sequences` sequences of LENGTH columns of x, sequence-major
    private static Tensor positions(Tensor x, int sequences, int from, int to) {
        return positions(x, sequences, from, to, LENGTH);
    }

    // positions [from, to) of each of `sequences` sequences of `length` columns of x, sequence-major
    private static Tensor positions(Tensor x, int sequences, int from, int to, int length) {
        Tensor out = Tensor.zeros(x.rows(), sequences * (to - from));
        for (int f = 0; f < x.rows(); f++) {
            for (int b = 0; b < sequences; b++) {
                for (int t = from; t < to; t++) {
                    out.set(f, b * (to - from) + t - from, x.get(f, b * length + t));
                }
            }
        }
        return out;
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
