package rewire.nn;

import java.util.List;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.AttentionOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Tensor;

/**
 * Multi-head causal self-attention as in GPT-2: one projection to stacked queries, keys and
 * values {@code (3d, N)}, attention per sequence and head ({@link AttentionOps#selfAttention}),
 * then an output projection {@code (d, N)}. The two projections are any modules (a dense
 * {@link Linear} or a {@link SparseLinear}, so dynamic sparse training reaches them).
 *
 * <p>The mask can change between steps ({@link #setMask}): Mixed Sparsity Training switches to
 * a sparse pattern during its ultra-sparse phase. The mask is causal unless set otherwise; the
 * {@linkplain AttentionMask#full() full} mask makes this the bidirectional attention of an encoder
 * (the vision transformer's).
 *
 * <p>Inference under a causal mask can also take one token of each sequence at a time
 * ({@link #decode}), with the keys and values of the sequences' earlier tokens in a
 * {@link KeyValueCache}, which a pass over their prompts fills first ({@link #prefill}).
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

    /**
     * The prompts of the sequences an empty {@code cache} is for, {@code x (d, B·P)} with column
     * {@code b·P + t} token t of sequence b, through {@link #forward}'s computation with sequences of
     * P tokens, whose keys and values go into the cache for {@link #decode} to continue from:
     * {@code y (d, B·P)}.
     */
    public Var prefill(Tape tape, Var x, KeyValueCache cache) {
        requireCausal("prefill");
        Tensor v = x.value();
        if (v.rank() != 2 || v.rows() != cache.width() || v.cols() % cache.sequences() != 0 || cache.heads() != heads) {
            throw new IllegalArgumentException("prefill: x " + x.shape() + " must be (" + cache.width() + ", B·P) for the"
                    + " cache's B = " + cache.sequences() + " sequences, whose " + cache.heads()
                    + " heads must be this layer's " + heads);
        }
        int prompt = v.cols() / cache.sequences();
        Var stacked = qkv.forward(tape, x);                                              // (3d, B·P)
        cache.store(stacked.value().data(), prompt);
        return proj.forward(tape, AttentionOps.selfAttention(tape, stacked, heads, prompt, mask));
    }

    /**
     * One more token of each sequence {@code cache} holds, at position {@code cache.length()}:
     * {@code x (d, B) -> y (d, B)}, column b the token of sequence b, equal to the column
     * {@link #forward} gives that position in a sequence of the same tokens, up to float rounding.
     * The projections run through this layer's own modules on the B columns (a sparse one stays
     * sparse); the attention, under this layer's mask, runs over each sequence's cached keys and
     * values, to which the tokens' own are appended. Inference only: the attention has no gradient.
     */
    public Var decode(Tape tape, Var x, KeyValueCache cache) {
        requireCausal("decode");
        Tensor v = x.value();
        if (v.rank() != 2 || v.rows() != cache.width() || v.cols() != cache.sequences() || cache.heads() != heads) {
            throw new IllegalArgumentException("decode: x " + x.shape() + " must be one column per sequence ("
                    + cache.width() + ", " + cache.sequences() + ") and the cache of " + cache.heads()
                    + " heads must be this layer's " + heads);
        }
        Var stacked = qkv.forward(tape, x);                                              // (3d, B)
        assert stacked.value().size() == 3 * v.size() : "qkv gave " + stacked.shape();
        Var attended = tape.output("cachedAttention", false, cache.width(), cache.sequences()); // (d, B)
        cache.attendNext(stacked.value().data(), mask, attended.value().data());
        return proj.forward(tape, attended);
    }

    // a token decoded alone cannot see the later tokens a full mask would let it attend to
    private void requireCausal(String op) {
        if (!mask.isCausal()) {
            throw new IllegalStateException(op + ": one token at a time needs a causal mask, this layer's is " + mask);
        }
    }

    /**
     * An empty cache for {@link #decode} of {@code sequences} sequences decoded together, each up to
     * {@code capacity} tokens, of model width {@code width}.
     */
    public KeyValueCache newCache(int width, int capacity, int sequences) {
        return new KeyValueCache(width, heads, capacity, sequences);
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
