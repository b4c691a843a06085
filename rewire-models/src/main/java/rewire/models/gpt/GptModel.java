package rewire.models.gpt;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.EmbeddingOps;
import rewire.autodiff.LinearOps;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.DenseParam;
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
        int[] positions = tape.scratchInts(tokens.length);
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i % seqLen;
        }
        Var wte = tokenEmbedding.var();
        Var wpe = positionEmbedding.var();
        Var x = Ops.add(tape, EmbeddingOps.lookup(tape, wte, tokens), EmbeddingOps.lookup(tape, wpe, positions));
        for (Block b : blocks) {
            b.attention().setSequenceLength(seqLen);
            x = b.forward(tape, x);
        }
        return LinearOps.linear(tape, finalNorm.forward(tape, x), wte);   // (V, N) = wte (V, d) · x (d, N)
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
