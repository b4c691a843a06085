package rewire.models.gpt;

import java.util.List;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.CausalSelfAttention;
import rewire.nn.KeyValueCache;
import rewire.nn.Layer;
import rewire.nn.LayerNorm;
import rewire.nn.Module;

/**
 * One pre-norm transformer block of GPT-2 (Radford et al., "Language Models are Unsupervised
 * Multitask Learners", 2019): {@code x + attn(ln1(x))}, then {@code x + ffn(ln2(x))} with a
 * feed-forward that is GPT-2's MLP of width 4d or a mixture of such experts
 * ({@code rewire.models.moe}). Shapes: {@code x, y : (d, N)}. The vision transformer of
 * {@code rewire.models.classify} stacks the same block with a full attention mask.
 */
public final class Block extends Layer {
    private final LayerNorm ln1;
    private final CausalSelfAttention attention;
    private final LayerNorm ln2;
    private final Layer ffn;

    /** @param ffn {@code (d, N) -> (d, N)} */
    public Block(LayerNorm ln1, CausalSelfAttention attention, LayerNorm ln2, Layer ffn) {
        this.ln1 = ln1;
        this.attention = attention;
        this.ln2 = ln2;
        this.ffn = ffn;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        return afterAttention(tape, x, attention.forward(tape, ln1.forward(tape, x)));
    }

    /**
     * One token of each sequence {@code cache} holds this block's keys and values of, at position
     * {@code cache.length()}: {@code x (d, B) -> y (d, B)}, as {@link #forward} computes their columns.
     */
    Var decode(Tape tape, Var x, KeyValueCache cache) {
        return afterAttention(tape, x, attention.decode(tape, ln1.forward(tape, x), cache));
    }

    /**
     * The prompts of the sequences an empty {@code cache} is for, {@code x (d, B·P)}, as
     * {@link #forward} computes them, their keys and values kept in {@code cache}.
     */
    Var prefill(Tape tape, Var x, KeyValueCache cache) {
        return afterAttention(tape, x, attention.prefill(tape, ln1.forward(tape, x), cache));
    }

    // h = x + attended, then h + ffn(ln2(h)); x, attended, y : (d, N)
    private Var afterAttention(Tape tape, Var x, Var attended) {
        Var h = Ops.add(tape, x, attended);
        return Ops.add(tape, h, ffn.forward(tape, ln2.forward(tape, h)));
    }

    CausalSelfAttention attention() {
        return attention;
    }

    @Override
    public List<Module> children() {
        return List.of(ln1, attention, ln2, ffn);
    }
}
