package rewire.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

/**
 * Each encoding keeps what it promises, reads back to exactly what the shard computed as sent,
 * and costs the bytes its layout says.
 */
class CompressionTest {

    private static float[] sample(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    // encodes x, checks the driver reads back what the shard kept, returns the message length
    private static int roundTrip(Compression c, float[] x, float[] sent) {
        MessageWriter out = new MessageWriter();
        c.encode(x, new Rng(3), out, sent);
        byte[] bytes = out.toBytes();
        float[] read = new float[x.length];
        Compression.decode(new MessageReader(bytes), read);
        assertArrayEquals(sent, read, c.method() + ": the driver reads what the shard counted as sent");
        return bytes.length;
    }

    @Test
    void topKKeepsTheLargestMagnitudesTiesToTheLowerIndex() {
        float[] x = {0.5f, -3f, 1f, 3f, -0.1f, 2f, 0f, -2f};
        float[] sent = new float[x.length];
        int bytes = roundTrip(new Compression(Compression.Method.TOPK, 0.375, true), x, sent);
        assertArrayEquals(new float[] {0, -3f, 0, 3f, 0, 2f, 0, 0}, sent, "3 of 8: |-3|, |3|, then 2 before -2");
        assertEquals(1 + 4 + 3 * (4 + 4), bytes, "tag, count, three indices and three values");
    }

    @Test
    void randomKSendsValuesAndASeedOnly() {
        float[] x = sample(1000, 1);
        float[] sent = new float[x.length];
        int bytes = roundTrip(new Compression(Compression.Method.RANDOMK, 0.05, true), x, sent);
        long kept = java.util.stream.IntStream.range(0, x.length).filter(i -> sent[i] != 0).count();
        assertEquals(50, kept);
        for (int i = 0; i < x.length; i++) {
            assertTrue(sent[i] == 0 || sent[i] == x[i], "kept entries are exact");
        }
        assertEquals(1 + 4 + 8 + 50 * 4, bytes, "tag, count, seed and 50 values; no indices");
    }

    @Test
    void randomKIndicesAreDistinctAndFollowFromTheSeed() {
        int[] a = Compression.randomK(100, 30, 42);
        assertArrayEquals(a, Compression.randomK(100, 30, 42));
        assertEquals(30, Arrays.stream(a).distinct().count());
        assertTrue(Arrays.stream(a).allMatch(i -> i >= 0 && i < 100));
        assertTrue(!Arrays.equals(a, Compression.randomK(100, 30, 43)), "another seed, other indices");
        assertEquals(100, Compression.randomK(100, 100, 5).length);
    }

    @Test
    void int8IsWithinHalfAStepOfEveryValueInOneBytePerEntry() {
        float[] x = sample(513, 2);
        float[] sent = new float[x.length];
        int bytes = roundTrip(new Compression(Compression.Method.INT8, 1, true), x, sent);
        float max = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        float step = max / 127;
        for (int i = 0; i < x.length; i++) {
            assertTrue(Math.abs(sent[i] - x[i]) <= step / 2 + 1e-6f, "entry " + i);
        }
        assertEquals(1 + 4 + 513, bytes);
    }

    @Test
    void anAllZeroChangeEncodesToZeros() {
        float[] sent = new float[10];
        roundTrip(new Compression(Compression.Method.INT8, 1, true), new float[10], sent);
        assertArrayEquals(new float[10], sent);
    }

    @Test
    void keptCountsRoundUpAndKeepAtLeastOne() {
        Compression c = new Compression(Compression.Method.TOPK, 0.01, true);
        assertEquals(1, c.kept(10));
        assertEquals(2, c.kept(101));
        assertEquals(0, c.kept(0));
    }

    @Test
    void aCorruptMessageIsRefusedWithWhatWentWrong() {
        byte[] truncated = Arrays.copyOf(new MessageWriter().writeByte(1).writeInt(5).toBytes(), 5);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Compression.decode(new MessageReader(truncated), new float[10]));
        assertTrue(e.getMessage().contains("corrupt shard message"), e.getMessage());
        byte[] unknown = new MessageWriter().writeByte(9).toBytes();
        e = assertThrows(IllegalStateException.class, () -> Compression.decode(new MessageReader(unknown), new float[3]));
        assertTrue(e.getMessage().contains("unknown array encoding 9"), e.getMessage());
    }

    @Test
    void aRatioOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Compression(Compression.Method.TOPK, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new Compression(Compression.Method.TOPK, 1.5, true));
    }
}
