package rewire.nn;

import java.util.List;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.AttentionOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * Multi-head causal self-attention as in GPT-2: one projection to stacked queries, keys and
 * values {@code (3d, N)}, attention per sequence and head ({@link AttentionOps#selfAttention}),
 * then an output projection {@code (d, N)}. The two projections are any modules (a dense
 * {@link Linear} or a {@link SparseLinear}, so dynamic sparse training reaches them).
 *
 * <p>The mask can change between steps ({@link #setMask}): Mixed Sparsity Training switches to
 * a sparse pattern during its ultra-sparse phase.
 */
public final class CausalSelfAttention extends Layer {
    private final Layer qkv;
    private final Layer proj;
    private final int heads;
    private int seqLen;
    private AttentionMask mask = AttentionMask.causal();

    /**
     * @param qkv    {@code (d, N) -> (3d, N)}
     * @param proj   {@code (d, N) -> (d, N)}
     * @param heads  number of heads; must divide d
     * @param seqLen tokens per sequence (see {@link #setSequenceLength}); the batch's columns are whole
     *               sequences of this length
     */
    public CausalSelfAttention(Layer qkv, Layer proj, int heads, int seqLen) {
        if (heads < 1 || seqLen < 1) {
            throw new IllegalArgumentException("attention needs heads >= 1 and seqLen >= 1, got " + heads + ", " + seqLen);
        }
        this.qkv = qkv;
        this.proj = proj;
        this.heads = heads;
        this.seqLen = seqLen;
    }

    /** {@code x (d, B·seqLen) -> y (d, B·seqLen)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        Var stacked = qkv.forward(tape, x);
        return proj.forward(tape, AttentionOps.selfAttention(tape, stacked, heads, seqLen, mask));
    }

    /** Reads the batch's columns as sequences of {@code length} tokens from the next forward pass on. */
    public void setSequenceLength(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("sequence length must be >= 1, got " + length);
        }
        this.seqLen = length;
    }

    /** Uses {@code m} from the next forward pass on. */
    public void setMask(AttentionMask m) {
        if (m == null) {
            throw new IllegalArgumentException("attention mask must not be null");
        }
        this.mask = m;
    }

    public AttentionMask mask() {
        return mask;
    }

    @Override
    public List<Module> children() {
        return List.of(qkv, proj);
    }
}
