package rewire.nn;

import java.util.Arrays;
import rewire.autodiff.AttentionMask;

/**
 * The keys and values one {@link CausalSelfAttention} layer has computed for the tokens of one
 * sequence decoded so far: with them, one more token costs its own projections plus its attention
 * over the cached positions, {@code O(t·d)} at position t, instead of recomputing the whole context,
 * {@code O(t²·d)} (the key/value cache of autoregressive transformer decoding; Pope et al.,
 * "Efficiently Scaling Transformer Inference", MLSys 2023). Allocated once for {@code capacity}
 * positions (a model's block size), {@code 2·capacity·d} floats; a token allocates nothing.
 *
 * <p>Layout: token-major keys and values {@code (capacity, d)}, head h of position t at
 * {@code [t·d + h·dh, t·d + (h+1)·dh)}. Call order: {@link #clear} starts a sequence, then
 * {@link CausalSelfAttention#decode} once per token in position order, at most {@code capacity}
 * times. Inference only: nothing here has a gradient.
 */
public final class KeyValueCache {
    private final int width;
    private final int heads;
    private final int headDim;
    private final float scale;
    private final float[] keys;      // (capacity, d)
    private final float[] values;    // (capacity, d)
    private final int[] allowed;     // (capacity,): the keys the current query may attend to
    private final float[] weights;   // (capacity,): its scores, then its probabilities, by allowed slot
    private int length;

    KeyValueCache(int width, int heads, int capacity) {
        if (width < 1 || heads < 1 || width % heads != 0 || capacity < 1) {
            throw new IllegalArgumentException("a key/value cache needs a width divisible by heads and a capacity >= 1,"
                    + " got width " + width + ", heads " + heads + ", capacity " + capacity);
        }
        this.width = width;
        this.heads = heads;
        this.headDim = width / heads;
        this.scale = (float) (1 / Math.sqrt(headDim));
        this.keys = new float[capacity * width];
        this.values = new float[capacity * width];
        this.allowed = new int[capacity];
        this.weights = new float[capacity];
    }

    /** Positions held: the position of the next token. */
    public int length() {
        return length;
    }

    /** Positions it can hold. */
    public int capacity() {
        return allowed.length;
    }

    /** The model width d it holds keys and values of. */
    public int width() {
        return width;
    }

    int heads() {
        return heads;
    }

    /** Forgets the sequence: the next token is at position 0. */
    public void clear() {
        length = 0;
    }

    /**
     * Appends the key and value of one token, {@code qkv (3d,)} stacked as {@link
     * rewire.autodiff.AttentionOps#maskedSelfAttention} stacks a column, at position {@link #length},
     * and writes its query's attention over the positions {@code mask} allows into {@code out (d,)}:
     * per head, the softmax of the scaled scores (each query's maximum subtracted) times the values.
     */
    void attendNext(float[] qkv, AttentionMask mask, float[] out) {
        if (length == capacity()) {
            throw new IllegalStateException("the key/value cache is full: it holds " + capacity()
                    + " positions (the block size); clear it to start a new sequence");
        }
        int q = length;
        System.arraycopy(qkv, width, keys, q * width, width);
        System.arraycopy(qkv, 2 * width, values, q * width, width);
        length++;
        int count = 0;
        for (int k = 0; k <= q; k++) {
            if (mask.allows(q, k)) {
                allowed[count++] = k;
            }
        }
        for (int h = 0; h < heads; h++) {
            attendHead(qkv, h * headDim, count, out);
        }
    }

    // out[off, off + dh) = softmax(scale · q_h · K_h over the allowed keys) · V_h, q_h = qkv[off, off + dh)
    private void attendHead(float[] qkv, int off, int count, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            int key = allowed[j] * width + off;
            float s = 0;
            for (int i = 0; i < headDim; i++) {
                s += qkv[off + i] * keys[key + i];
            }
            weights[j] = s;
            max = Math.max(max, scale * s);
        }
        double sum = 0;
        for (int j = 0; j < count; j++) {
            float e = (float) Math.exp(scale * weights[j] - max);
            weights[j] = e;
            sum += e;
        }
        float inv = (float) (1 / sum);
        Arrays.fill(out, off, off + headDim, 0f);
        for (int j = 0; j < count; j++) {
            float p = weights[j] * inv;
            int value = allowed[j] * width + off;
            for (int i = 0; i < headDim; i++) {
                out[off + i] += p * values[value + i];
            }
        }
    }
}
