package rewire.models.gpt;

import java.util.List;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.Tape;
import rewire.kernel.Kernels;
import rewire.nn.KeyValueCache;

/**
 * Incremental decoding of one sequence with a {@link GptModel}: each token goes through every
 * block as one column {@code (d, 1)}, through the blocks' own layers (a sparse layer stays sparse,
 * a mixture routes the token to its experts), and attends over the keys and values of the earlier
 * positions, which each block keeps in a {@link KeyValueCache}. A token at position t thus costs
 * the model's weights once plus {@code O(t·d)} of attention per block, where recomputing the
 * context ({@link GptModel#logits}) costs the weights t times plus {@code O(t²·d)}; the logits are
 * those of the recomputation up to float rounding. The caches are allocated once, for the block
 * size.
 *
 * <p>Call order: {@link #next} once per token in position order (or {@link #prefill} for a prompt),
 * at most {@link GptModel#blockSize} tokens, then {@link #reset} for a new sequence. A sequence
 * starts by switching the model to evaluation mode and reads the attention mask it then has; the
 * model's weights, topology and mask must not change until the next reset. Inference only: no
 * gradient flows. Not thread-safe.
 */
public final class Decoder {
    private final GptModel model;
    private final Tape tape;
    private final List<KeyValueCache> caches;
    private final float[] logits;    // (V,)
    private AttentionMask mask;
    private int length;

    Decoder(GptModel model, Kernels kernels) {
        this.model = model;
        this.tape = new Tape(kernels);
        this.caches = model.newCaches();
        this.logits = new float[model.vocabSize()];
    }

    /** Tokens of the sequence so far: the position of the next one. */
    public int length() {
        return length;
    }

    /** Forgets the sequence: the next token is at position 0. */
    public void reset() {
        caches.forEach(KeyValueCache::clear);
        length = 0;
    }

    /**
     * Starts a new sequence with {@code prompt}, one token at a time; the next-token logits
     * {@code (V,)} after its last token, as {@link #next} returns them.
     */
    public float[] prefill(int[] prompt) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("prefill: the prompt has no tokens");
        }
        reset();
        float[] last = logits;
        for (int token : prompt) {
            last = next(token);
        }
        return last;
    }

    /**
     * Appends {@code token} at position {@link #length} and returns the next-token logits
     * {@code (V,)} there: an array this decoder owns and overwrites at the next call.
     *
     * @throws IllegalStateException when the sequence already fills the block size, or the model's
     *                               attention mask changed since the sequence started
     */
    public float[] next(int token) {
        if (length == model.blockSize()) {
            throw new IllegalStateException("the decoder holds " + length + " tokens, the block size: reset() it "
                    + "for a new sequence (a longer context slides, which needs recomputing it)");
        }
        if (length == 0) {
            model.eval();
            mask = model.attentionMask();
        } else if (!model.attentionMask().equals(mask)) {
            throw new IllegalStateException("the model's attention mask changed from " + mask + " to "
                    + model.attentionMask() + " during a sequence: reset() the decoder");
        }
        tape.clear();
        float[] column = model.logitsAt(tape, token, caches).value().data();
        System.arraycopy(column, 0, logits, 0, logits.length);
        tape.clear();
        length++;
        return logits;
    }
}
