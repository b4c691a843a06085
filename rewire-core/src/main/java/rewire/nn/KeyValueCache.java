package rewire.nn;

import java.util.Arrays;
import rewire.autodiff.AttentionMask;

/**
 * The keys and values one {@link CausalSelfAttention} layer has computed for the tokens decoded so
 * far of B sequences that advance together: with them, one more token per sequence costs its own
 * projections plus its attention over the cached positions, {@code O(t·d)} at position t, instead of
 * recomputing the whole context, {@code O(t²·d)} (the key/value cache of autoregressive transformer
 * decoding; Pope et al., "Efficiently Scaling Transformer Inference", MLSys 2023). Allocated once for
 * {@code capacity} positions (a model's block size), {@code 2·B·capacity·d} floats; a token
 * allocates nothing.
 *
 * <p>Layout: token-major keys and values {@code (B, capacity, d)}, head h of position t of sequence
 * b at {@code [(b·capacity + t)·d + h·dh, ... + dh)}. Call order: {@link #clear} starts the
 * sequences, then optionally {@link CausalSelfAttention#prefill} for their prompts, then
 * {@link CausalSelfAttention#decode} once per position, in order, with one column per sequence, up
 * to {@code capacity} positions in all. Inference only: nothing here has a gradient.
 */
public final class KeyValueCache {
    private final int width;
    private final int heads;
    private final int headDim;
    private final int capacity;
    private final int sequences;
    private final float scale;
    private final float[] keys;      // (B, capacity, d)
    private final float[] values;    // (B, capacity, d)
    private final int[] allowed;     // (capacity,): the keys the current position may attend to
    private final float[] weights;   // (capacity,): one query's scores, then its probabilities, by allowed slot
    private final float[] query;     // (d,): one sequence's query
    private final float[] attended;  // (d,): its attention output
    private int length;

    KeyValueCache(int width, int heads, int capacity, int sequences) {
        if (width < 1 || heads < 1 || width % heads != 0 || capacity < 1 || sequences < 1) {
            throw new IllegalArgumentException("a key/value cache needs a width divisible by heads, a capacity >= 1"
                    + " and sequences >= 1, got width " + width + ", heads " + heads + ", capacity " + capacity
                    + ", sequences " + sequences);
        }
        this.width = width;
        this.heads = heads;
        this.headDim = width / heads;
        this.capacity = capacity;
        this.sequences = sequences;
        this.scale = (float) (1 / Math.sqrt(headDim));
        this.keys = new float[Math.multiplyExact(sequences, capacity * width)];
        this.values = new float[keys.length];
        this.allowed = new int[capacity];
        this.weights = new float[capacity];
        this.query = new float[width];
        this.attended = new float[width];
    }

    /** Positions held: the position of the next token of every sequence. */
    public int length() {
        return length;
    }

    /** Positions it can hold. */
    public int capacity() {
        return capacity;
    }

    /** The model width d it holds keys and values of. */
    public int width() {
        return width;
    }

    /** The sequences B it decodes together. */
    public int sequences() {
        return sequences;
    }

    int heads() {
        return heads;
    }

    /** Forgets the sequences: the next token is at position 0. */
    public void clear() {
        length = 0;
    }

    /**
     * Starts the sequences with the keys and values of their first {@code positions} tokens, columns
     * {@code b·positions + t} of {@code qkv (3d, B·positions)} stacked as
     * {@link rewire.autodiff.AttentionOps#maskedSelfAttention} stacks them; the cache must be empty.
     */
    void store(float[] qkv, int positions) {
        if (length != 0 || positions < 1 || positions > capacity) {
            throw new IllegalStateException("a prompt of " + positions + " positions needs an empty cache of at least"
                    + " as many; this one holds " + length + " of " + capacity);
        }
        int columns = sequences * positions;
        for (int b = 0; b < sequences; b++) {
            for (int t = 0; t < positions; t++) {
                int at = (b * capacity + t) * width;
                int column = b * positions + t;
                for (int r = 0; r < width; r++) {
                    keys[at + r] = qkv[(width + r) * columns + column];
                    values[at + r] = qkv[(2 * width + r) * columns + column];
                }
            }
        }
        length = positions;
    }

    /**
     * Appends the keys and values of one token per sequence, {@code qkv (3d, B)} stacked as {@link
     * rewire.autodiff.AttentionOps#maskedSelfAttention} stacks it, at position {@link #length}, and
     * writes each token's attention over the positions {@code mask} allows into {@code out (d, B)}:
     * per head, the softmax of the scaled scores (each query's maximum subtracted) times the values.
     */
    void attendNext(float[] qkv, AttentionMask mask, float[] out) {
        if (length == capacity) {
            throw new IllegalStateException("the key/value cache is full: it holds " + capacity
                    + " positions (the block size); clear it to start new sequences");
        }
        int q = length++;
        int count = 0;
        for (int k = 0; k <= q; k++) {
            if (mask.allows(q, k)) {
                allowed[count++] = k;
            }
        }
        for (int b = 0; b < sequences; b++) {
            int at = (b * capacity + q) * width;
            for (int r = 0; r < width; r++) {
                query[r] = qkv[r * sequences + b];
                keys[at + r] = qkv[(width + r) * sequences + b];
                values[at + r] = qkv[(2 * width + r) * sequences + b];
            }
            for (int h = 0; h < heads; h++) {
                attendHead(b * capacity * width, h * headDim, count);
            }
            for (int r = 0; r < width; r++) {
                out[r * sequences + b] = attended[r];
            }
        }
    }

    // attended[off, off + dh) = softmax(scale · q_h · K_h over the allowed keys) · V_h of the sequence at `base`
    private void attendHead(int base, int off, int count) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            int key = base + allowed[j] * width + off;
            float s = 0;
            for (int i = 0; i < headDim; i++) {
                s += query[off + i] * keys[key + i];
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
        Arrays.fill(attended, off, off + headDim, 0f);
        for (int j = 0; j < count; j++) {
            float p = weights[j] * inv;
            int value = base + allowed[j] * width + off;
            for (int i = 0; i < headDim; i++) {
                attended[off + i] += p * values[value + i];
            }
        }
    }
}
