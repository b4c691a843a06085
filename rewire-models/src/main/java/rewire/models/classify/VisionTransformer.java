package rewire.models.classify;

import java.util.List;
import rewire.autodiff.ConvOps;
import rewire.autodiff.EmbeddingOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Ops;
import rewire.autodiff.SequenceOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.DenseParam;
import rewire.nn.Layer;
import rewire.nn.LayerNorm;
import rewire.nn.Module;
import rewire.nn.Param;

/**
 * A vision transformer (Dosovitskiy et al., "An Image is Worth 16x16 Words: Transformers for
 * Image Recognition at Scale", ICLR 2021) over feature-major images {@code x (C·H·W, B)}: non-
 * overlapping p x p patches, each embedded by one linear map; a learned class token in front of
 * each image's n patches; learned position embeddings; pre-norm blocks whose attention is full
 * (every token sees every token of its image); a final layer norm and a linear head on the class
 * token alone. Tokens are columns as in the GPT: image b's token t is column {@code b·T + t},
 * {@code T = n + 1}, token 0 the class token. {@link VitArchitecture} builds it.
 */
final class VisionTransformer extends Layer {
    private final ImageShape input;
    private final Layer patchEmbedding;
    private final DenseParam classToken;
    private final DenseParam positionEmbedding;
    private final Layer blocks;
    private final LayerNorm finalNorm;
    private final Layer head;

    /**
     * @param patchEmbedding    {@code (C, B·H·W) -> (d, B·n)}: a convolution whose window is the patch
     * @param classToken        {@code (1, d)}, the class token as a one-row table
     * @param positionEmbedding {@code (T, d)}, one row per token position
     * @param blocks            {@code (d, B·T) -> (d, B·T)}: the transformer blocks (after the embedding dropout, if any)
     * @param finalNorm         over d features
     * @param head              {@code (d, B) -> (classes, B)}
     */
    VisionTransformer(ImageShape input, Layer patchEmbedding, DenseParam classToken, DenseParam positionEmbedding,
                      Layer blocks, LayerNorm finalNorm, Layer head) {
        this.input = input;
        this.patchEmbedding = patchEmbedding;
        this.classToken = classToken;
        this.positionEmbedding = positionEmbedding;
        this.blocks = blocks;
        this.finalNorm = finalNorm;
        this.head = head;
    }

    /** Tokens per image: the patches and the class token. */
    int tokens() {
        return positionEmbedding.value().rows();
    }

    /** {@code x (C·H·W, B) -> logits (classes, B)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        int b = x.value().cols();
        int t = tokens();
        Var maps = ConvOps.unflatten(tape, x, input);                            // (C, B·H·W)
        Var patches = patchEmbedding.forward(tape, maps);                        // (d, B·n)
        Var cls = EmbeddingOps.lookup(tape, classToken.var(), ids(tape, b, 1));  // (d, B), the token for each image
        Var tokens = SequenceOps.prepend(tape, cls, patches);                    // (d, B·T)
        Var positions = EmbeddingOps.lookup(tape, positionEmbedding.var(), ids(tape, b * t, t)); // (d, B·T)
        Var h = blocks.forward(tape, Ops.add(tape, tokens, positions));          // (d, B·T)
        // layer norm works per column, so normalizing the class tokens alone gives the same result
        Var first = finalNorm.forward(tape, SequenceOps.firstTokens(tape, h, t)); // (d, B)
        return head.forward(tape, first);                                        // (classes, B)
    }

    // n ids counting 0, 1, ..., period - 1 over and over
    private static int[] ids(Tape tape, int n, int period) {
        int[] ids = tape.scratchInts(n);
        for (int i = 0; i < n; i++) {
            ids[i] = i % period;
        }
        return ids;
    }

    @Override
    protected List<Param> ownParams() {
        return List.of(classToken, positionEmbedding);
    }

    @Override
    public List<Module> children() {
        return List.of(patchEmbedding, blocks, finalNorm, head);
    }
}
