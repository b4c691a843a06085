package rewire.dist;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import rewire.kernel.TopK;
import rewire.tensor.Rng;

/**
 * How a shard compresses the change {@code x} of one array (a parameter's values or an optimizer
 * slot, nnz floats for a sparse weight) before it is sent, and how the driver reads it back.
 *
 * <ul>
 *   <li>top-k keeps the {@code ceil(ratio·n)} entries of largest magnitude, ties to the lower index
 *       (Aji and Heafield 2017; Stich et al. 2018): k indices and k values;</li>
 *   <li>random-k keeps {@code ceil(ratio·n)} entries drawn without replacement from a seed the
 *       message carries, so only the values travel (Stich et al. 2018);</li>
 *   <li>int8 sends one scale and a byte per entry, {@code round(x / s)} with {@code s = max|x| / 127}
 *       (8-bit quantisation, as in Dettmers 2016).</li>
 * </ul>
 * None of them rescales: with error feedback (Seide et al. 2014; Karimireddy et al. 2019) what an
 * encoding leaves out of a parameter's change, {@code x - C(x)}, is added to the shard's next change
 * instead of being lost. Optimizer slots are encoded without it: a slot is a state whose next change
 * the shard recomputes from the driver's copy, so what was left out comes back by itself
 * ({@link LocalMessage}).
 *
 * @param method        the encoding
 * @param ratio         the fraction of entries top-k and random-k keep
 * @param errorFeedback whether shards keep the residual {@code x - C(x)} of parameters' values for their
 *                      next round
 */
public record Compression(Method method, double ratio, boolean errorFeedback) implements Serializable {

    /** The encodings ({@code dist.compression}). */
    public enum Method {
        /** The values themselves, exact. */
        NONE,
        /** The largest changes by magnitude, with their indices. */
        TOPK,
        /** A seeded random subset of the changes; the indices follow from the seed. */
        RANDOMK,
        /** Every change in 8 bits, with one scale per array. */
        INT8
    }

    private static final int TOPK_TAG = 1;
    private static final int RANDOMK_TAG = 2;
    private static final int INT8_TAG = 3;

    public Compression {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("compression ratio must be in (0, 1], got " + ratio);
        }
    }

    /** No compression. */
    public static Compression none() {
        return new Compression(Method.NONE, 1, false);
    }

    public boolean isNone() {
        return method == Method.NONE;
    }

    /** Whether shards keep residuals from round to round. */
    public boolean keepsResiduals() {
        return errorFeedback && !isNone();
    }

    /** The number of entries top-k and random-k keep of {@code n}. */
    int kept(int n) {
        return n == 0 ? 0 : (int) Math.min(n, Math.max(1, Math.ceil(ratio * n)));
    }

    /**
     * Writes the encoding of {@code x} to {@code out} and puts what the driver will read back, C(x),
     * into {@code decoded} (same length as {@code x}).
     *
     * @param rng draws random-k's seed
     */
    void encode(float[] x, Rng rng, MessageWriter out, float[] decoded) {
        Arrays.fill(decoded, 0f);
        switch (method) {
            case NONE -> throw new IllegalStateException("an uncompressed update is sent as values, not encoded");
            case TOPK -> {
                int[] keep = topK(x, kept(x.length));
                out.writeByte(TOPK_TAG);
                out.writeInt(keep.length);
                out.writeInts(keep);
                out.writeFloats(gather(x, keep, decoded));
            }
            case RANDOMK -> {
                long seed = rng.nextLong();
                int[] keep = randomK(x.length, kept(x.length), seed);
                out.writeByte(RANDOMK_TAG);
                out.writeInt(keep.length);
                out.writeLong(seed);
                out.writeFloats(gather(x, keep, decoded));
            }
            case INT8 -> encodeInt8(x, out, decoded);
        }
    }

    private static void encodeInt8(float[] x, MessageWriter out, float[] decoded) {
        float max = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        float scale = max / 127f;
        out.writeByte(INT8_TAG);
        out.writeFloat(scale);
        byte[] q = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            int level = scale == 0 ? 0 : Math.round(x[i] / scale);
            q[i] = (byte) Math.max(-127, Math.min(127, level));
            decoded[i] = q[i] * scale;
        }
        out.writeBytes(q);
    }

    /** Reads one array that {@link #encode} wrote into {@code decoded} (zeros where nothing was sent). */
    static void decode(MessageReader in, float[] decoded) {
        Arrays.fill(decoded, 0f);
        int tag = in.readByte();
        switch (tag) {
            case TOPK_TAG -> {
                int[] keep = new int[in.count(in.readInt())];
                in.readInts(keep);
                scatter(in, keep, decoded);
            }
            case RANDOMK_TAG -> {
                int k = in.count(in.readInt());
                scatter(in, randomK(decoded.length, Math.min(k, decoded.length), in.readLong()), decoded);
            }
            case INT8_TAG -> {
                float scale = in.readFloat();
                byte[] q = new byte[decoded.length];
                in.readBytes(q);
                for (int i = 0; i < q.length; i++) {
                    decoded[i] = q[i] * scale;
                }
            }
            default -> throw new IllegalStateException("corrupt shard message: unknown array encoding " + tag);
        }
    }

    // x at keep, also put into decoded
    private static float[] gather(float[] x, int[] keep, float[] decoded) {
        float[] values = new float[keep.length];
        for (int j = 0; j < keep.length; j++) {
            values[j] = x[keep[j]];
            decoded[keep[j]] = values[j];
        }
        return values;
    }

    // the next keep.length floats of in, at keep
    private static void scatter(MessageReader in, int[] keep, float[] decoded) {
        float[] values = new float[keep.length];
        in.readFloats(values);
        for (int j = 0; j < keep.length; j++) {
            if (keep[j] < 0 || keep[j] >= decoded.length) {
                throw new IllegalStateException("corrupt shard message: index " + keep[j] + " outside an array of "
                        + decoded.length);
            }
            decoded[keep[j]] = values[j];
        }
    }

    // the k entries of largest magnitude, in increasing index order
    private static int[] topK(float[] x, int k) {
        float[] magnitude = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            magnitude[i] = Math.abs(x[i]);
        }
        int[] keep = TopK.largest(magnitude, k);
        Arrays.sort(keep);
        return keep;
    }

    // k distinct indices of [0, n) from seed (partial Fisher-Yates), in increasing order
    static int[] randomK(int n, int k, long seed) {
        if (k > n || k < 0) {
            throw new IllegalArgumentException("cannot keep " + k + " of " + n + " entries");
        }
        Rng rng = new Rng(seed);
        Map<Integer, Integer> moved = new HashMap<>();
        int[] keep = new int[k];
        for (int j = 0; j < k; j++) {
            int r = j + rng.nextInt(n - j);
            int atR = moved.getOrDefault(r, r);
            moved.put(r, moved.getOrDefault(j, j));
            keep[j] = atR;
        }
        Arrays.sort(keep);
        return keep;
    }
}
