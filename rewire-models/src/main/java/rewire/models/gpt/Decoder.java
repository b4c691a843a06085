package rewire.models.gpt;

import java.util.Arrays;
import java.util.List;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.Tape;
import rewire.kernel.Kernels;
import rewire.nn.KeyValueCache;

/**
 * Incremental decoding with a {@link GptModel} of one sequence, or of B sequences that advance
 * together: each step's tokens (one per sequence) go through every block as the columns
 * {@code (d, B)}, through the blocks' own layers (a sparse layer stays sparse, a mixture routes each
 * token to its experts), and attend over the keys and values of the earlier positions, which each
 * block keeps in a {@link KeyValueCache}. A token at position t thus costs the model's weights once
 * plus {@code O(t·d)} of attention per block, where recomputing the context
 * ({@link GptModel#logits}) costs the weights t times plus {@code O(t²·d)}; the logits are those of
 * the recomputation up to float rounding. The caches are allocated once, for the block size.
 *
 * <p>Call order: {@link #prefill} with the prompts, which runs them as one pass (or {@link #next}
 * from position 0), then {@link #next} once per position in order, up to
 * {@link GptModel#blockSize} positions in all, then {@link #reset} (or another prefill) for new
 * sequences. A sequence starts by switching the model to evaluation mode and reads the attention
 * mask it then has; the model's weights, topology and mask must not change until the next reset.
 * Inference only: no gradient flows. Not thread-safe.
 */
public final class Decoder {
    private final GptModel model;
    private final Tape tape;
    private final List<KeyValueCache> caches;
    private final int sequences;
    private final float[] logits;    // (V, B)
    private AttentionMask mask;
    private int length;

    Decoder(GptModel model, Kernels kernels, int sequences) {
        if (sequences < 1) {
            throw new IllegalArgumentException("a decoder needs at least one sequence, got " + sequences);
        }
        this.model = model;
        this.tape = new Tape(kernels);
        this.caches = model.newCaches(sequences);
        this.sequences = sequences;
        this.logits = new float[model.vocabSize() * sequences];
    }

    /** Tokens of each sequence so far: the position of the next ones. */
    public int length() {
        return length;
    }

    /** The sequences B it decodes together. */
    public int sequences() {
        return sequences;
    }

    /** Forgets the sequences: the next tokens are at position 0. */
    public void reset() {
        caches.forEach(KeyValueCache::clear);
        length = 0;
    }

    /**
     * Starts new sequences with {@code prompts}, one per sequence, all of the same length P of at
     * most the block size, in one pass of their B·P tokens through the model (as
     * {@link GptModel#logits} computes them) that fills the caches; the next-token logits after their
     * last tokens, as {@link #next} returns them.
     */
    public float[] prefill(int[]... prompts) {
        int positions = prompts.length == 0 ? 0 : prompts[0].length;
        if (prompts.length != sequences || positions == 0 || positions > model.blockSize()
                || Arrays.stream(prompts).anyMatch(p -> p.length != positions)) {
            throw new IllegalArgumentException("prefill: needs " + sequences + " prompts of the same length in [1, "
                    + model.blockSize() + "], got lengths "
                    + Arrays.toString(Arrays.stream(prompts).mapToInt(p -> p.length).toArray()));
        }
        int[] tokens = new int[sequences * positions];
        for (int b = 0; b < sequences; b++) {
            System.arraycopy(prompts[b], 0, tokens, b * positions, positions);
        }
        reset();
        start();
        tape.clear();
        float[] out = model.prefillLogits(tape, tokens, positions, caches).value().data();   // (V, B·P)
        for (int v = 0; v < model.vocabSize(); v++) {
            for (int b = 0; b < sequences; b++) {
                logits[v * sequences + b] = out[v * tokens.length + (b + 1) * positions - 1];
            }
        }
        tape.clear();
        length = positions;
        return logits;
    }

    /**
     * Appends {@code tokens}, token b to sequence b, at position {@link #length} and returns the
     * next-token logits {@code (V, B)} there, row-major (sequence b's logit of v at {@code v·B + b};
     * {@code (V,)} for one sequence): an array this decoder owns and overwrites at the next call.
     *
     * @throws IllegalStateException when the sequences already fill the block size, or the model's
     *                               attention mask changed since they started
     */
    public float[] next(int... tokens) {
        if (tokens.length != sequences) {
            throw new IllegalArgumentException("next: needs one token for each of " + sequences + " sequences, got "
                    + tokens.length);
        }
        if (length == model.blockSize()) {
            throw new IllegalStateException("the decoder holds " + length + " tokens, the block size: reset() it "
                    + "for new sequences (a longer context slides, which needs recomputing it)");
        }
        if (length == 0) {
            start();
        } else if (!model.attentionMask().equals(mask)) {
            throw new IllegalStateException("the model's attention mask changed from " + mask + " to "
                    + model.attentionMask() + " during a sequence: reset() the decoder");
        }
        tape.clear();
        float[] out = model.logitsAt(tape, tokens, caches).value().data();
        System.arraycopy(out, 0, logits, 0, logits.length);
        tape.clear();
        length++;
        return logits;
    }

    // new sequences: the model in evaluation mode, its attention mask the one they keep
    private void start() {
        model.eval();
        mask = model.attentionMask();
    }
}
