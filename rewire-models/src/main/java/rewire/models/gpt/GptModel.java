package rewire.models.gpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.EmbeddingOps;
import rewire.autodiff.LinearOps;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.kernel.Kernels;
import rewire.nn.DenseParam;
import rewire.nn.KeyValueCache;
import rewire.nn.LayerNorm;
import rewire.nn.Module;
import rewire.nn.Param;

/**
 * A GPT language model in nanoGPT's shape: token plus position embeddings, pre-norm
 * {@link Block}s, a final layer norm and an output head that reuses the token embedding
 * {@code wte (V, d)} as its weight (weight tying). Activations are feature-major
 * {@code (d, N)} with {@code N = B·T} tokens as columns.
 *
 * <p>Inputs are token ids rather than a tensor, so the entry point is {@link #logits}.
 */
public final class GptModel extends Module {
    private final DenseParam tokenEmbedding;
    private final DenseParam positionEmbedding;
    private final List<Block> blocks;
    private final LayerNorm finalNorm;

    GptModel(DenseParam tokenEmbedding, DenseParam positionEmbedding, List<Block> blocks, LayerNorm finalNorm) {
        this.tokenEmbedding = tokenEmbedding;
        this.positionEmbedding = positionEmbedding;
        this.blocks = List.copyOf(blocks);
        this.finalNorm = finalNorm;
    }

    /** Context length: the longest sequence the position embedding covers. */
    public int blockSize() {
        return positionEmbedding.value().rows();
    }

    public int vocabSize() {
        return tokenEmbedding.value().rows();
    }

    /**
     * Next-token logits {@code (V, B·T)} of {@code tokens}, read as B sequences of {@code seqLen}
     * tokens (column {@code b·T + t} is token t of sequence b), {@code seqLen <= blockSize}.
     */
    public Var logits(Tape tape, int[] tokens, int seqLen) {
        if (seqLen < 1 || seqLen > blockSize() || tokens.length % seqLen != 0) {
            throw new IllegalArgumentException("logits: " + tokens.length + " tokens are not whole sequences of length "
                    + seqLen + " in [1, " + blockSize() + "]");
        }
        Var x = embed(tape, tokens, positions(tape, tokens.length, seqLen));
        for (Block b : blocks) {
            b.attention().setSequenceLength(seqLen);
            x = b.forward(tape, x);
        }
        return head(tape, x);
    }

    /**
     * A {@link Decoder} of this model for one sequence: one token at a time with every block's
     * keys and values cached, for inference within the block size.
     */
    public Decoder decoder(Kernels kernels) {
        return decoder(kernels, 1);
    }

    /** A {@link Decoder} of {@code sequences} sequences that advance together, one token each per step. */
    public Decoder decoder(Kernels kernels, int sequences) {
        return new Decoder(this, kernels, sequences);
    }

    /**
     * Empty key/value caches for {@link #prefillLogits} and {@link #logitsAt}, one per block, each for {@code sequences}
     * sequences of up to {@link #blockSize} positions.
     */
    List<KeyValueCache> newCaches(int sequences) {
        int width = tokenEmbedding.value().cols();
        return blocks.stream().map(b -> b.attention().newCache(width, blockSize(), sequences)).toList();
    }

    /**
     * Next-token logits {@code (V, B·P)} of the prompts {@code tokens (B·P,)}, B sequences of
     * {@code length} P tokens (column {@code b·P + t} is token t of sequence b), as {@link #logits}
     * computes them, with every block's keys and values kept in the empty {@code caches} (one per
     * block, as {@link #newCaches}) for {@link #logitsAt} to continue from.
     */
    Var prefillLogits(Tape tape, int[] tokens, int length, List<KeyValueCache> caches) {
        Var x = embed(tape, tokens, positions(tape, tokens.length, length));  // (d, B·P)
        for (int i = 0; i < blocks.size(); i++) {
            x = blocks.get(i).prefill(tape, x, caches.get(i));
        }
        return head(tape, x);
    }

    /**
     * Next-token logits {@code (V, B)} of {@code tokens (B,)}, token b the next of sequence b, at
     * position {@code caches.get(0).length()} of sequences whose earlier tokens' keys and values are
     * in {@code caches} (one per block, as {@link #newCaches}): column b is the column
     * {@link #logits} gives that position of sequence b, up to float rounding. Appends the tokens'
     * keys and values to the caches.
     */
    Var logitsAt(Tape tape, int[] tokens, List<KeyValueCache> caches) {
        int[] positions = tape.scratchInts(tokens.length);
        Arrays.fill(positions, caches.get(0).length());
        Var x = embed(tape, tokens, positions);                              // (d, B)
        for (int i = 0; i < blocks.size(); i++) {
            x = blocks.get(i).decode(tape, x, caches.get(i));
        }
        return head(tape, x);
    }

    // the position of each of n tokens read as sequences of seqLen: i mod seqLen
    private static int[] positions(Tape tape, int n, int seqLen) {
        int[] positions = tape.scratchInts(n);
        for (int i = 0; i < n; i++) {
            positions[i] = i % seqLen;
        }
        return positions;
    }

    // x (d, N) = wte[tokens]ᵀ + wpe[positions]ᵀ
    private Var embed(Tape tape, int[] tokens, int[] positions) {
        return Ops.add(tape, EmbeddingOps.lookup(tape, tokenEmbedding.var(), tokens),
                EmbeddingOps.lookup(tape, positionEmbedding.var(), positions));
    }

    // (V, N) = wte (V, d) · lnf(x) (d, N)
    private Var head(Tape tape, Var x) {
        return LinearOps.linear(tape, finalNorm.forward(tape, x), tokenEmbedding.var());
    }

    /** Uses {@code mask} in every block's attention from the next forward pass on. */
    public void setAttentionMask(AttentionMask mask) {
        for (Block b : blocks) {
            b.attention().setMask(mask);
        }
    }

    /** The attention mask currently in use. */
    public AttentionMask attentionMask() {
        return blocks.get(0).attention().mask();
    }

    @Override
    protected List<Param> ownParams() {
        return List.of(tokenEmbedding, positionEmbedding);
    }

    @Override
    public List<Module> children() {
        List<Module> all = new ArrayList<Module>(blocks);
        all.add(finalNorm);
        return all;
    }
}
