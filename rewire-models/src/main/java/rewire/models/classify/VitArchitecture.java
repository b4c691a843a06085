package rewire.models.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Window;
import rewire.models.gpt.Block;
import rewire.models.moe.Mlp;
import rewire.nn.CausalSelfAttention;
import rewire.nn.DenseParam;
import rewire.nn.Dropout;
import rewire.nn.Layer;
import rewire.nn.LayerNorm;
import rewire.nn.Sequential;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The weight layers of a {@link VisionTransformer} and the model assembled from them, for
 * {@link Architecture}, which makes each weight layer sparse or dense. In model order, with d the
 * width, r the MLP ratio and T the tokens per image:
 * <pre>
 * patch         (d, C, p, p)   a convolution with stride p: one product per patch, n per image
 * hL.attn.qkv   (3d, d)        per block L, at each of the T tokens
 * hL.attn.proj  (d, d)
 * hL.mlp.fc     (r·d, d)       then GELU
 * hL.mlp.proj   (d, r·d)
 * head          (classes, d)   on the class token only
 * </pre>
 * Every one of them is a layer of the recipe, the patch embedding and the head included, as
 * every layer of the MLP and the CNN is: ERK gives those small layers a higher density than the
 * blocks' wide ones instead of keeping them dense.
 * The blocks are the GPT's pre-norm {@link Block}s with a {@linkplain AttentionMask#full() full}
 * mask and layer norms with biases; the linear layers start as {@link Architecture} starts every
 * layer (Kaiming-normal, zero bias), the class token and the position embeddings normal with
 * standard deviation 0.02, the GPT's embedding scale. They are named {@code cls.token} and
 * {@code pos.embedding}: weight decay that spares vectors ({@code optim.decayBias: false}) spares
 * them as it spares biases and layer-norm gains.
 */
final class VitArchitecture {
    private static final double EMBEDDING_STD = 0.02;

    private final VitSettings vit;
    private final double dropout;
    private final ImageShape input;
    private final int classes;
    private final int patches;

    /** @throws IllegalArgumentException when the patch side does not divide the image's sides */
    VitArchitecture(ModelSettings settings, ImageShape input, int classes) {
        this.vit = settings.vit();
        this.dropout = settings.dropout();
        this.input = input;
        this.classes = classes;
        this.patches = vit.patches(input);
    }

    /** Tokens per image: the patches and the class token. */
    int tokens() {
        return patches + 1;
    }

    /** Adds every weight layer's shape in model order and the positions per example it applies at. */
    void addLayers(List<LayerShape> shapes, List<Integer> positions) {
        int d = vit.width();
        int p = vit.patch();
        shapes.add(new LayerShape("patch", new int[] {d, input.channels(), p, p}));
        positions.add(patches);
        for (int l = 0; l < vit.layers(); l++) {
            String block = "h" + l;
            shapes.add(LayerShape.matrix(block + ".attn.qkv", 3 * d, d));
            shapes.add(LayerShape.matrix(block + ".attn.proj", d, d));
            shapes.add(LayerShape.matrix(block + ".mlp.fc", vit.mlpRatio() * d, d));
            shapes.add(LayerShape.matrix(block + ".mlp.proj", d, vit.mlpRatio() * d));
            positions.addAll(List.of(tokens(), tokens(), tokens(), tokens()));
        }
        shapes.add(LayerShape.matrix("head", classes, d));
        positions.add(1);
    }

    /** The window of the patch embedding: the patch, moved by its side. */
    Window patchWindow() {
        return Window.of(vit.patch(), vit.patch());
    }

    /**
     * Training FLOPs (forward and backward) of attention's products per image, which no weight
     * layer holds: per block, {@code T²} (query, key) pairs, each {@code d} multiply-adds in the
     * scores {@code QᵀK} and in the mixing {@code V·Pᵀ} and twice that backward, 2 FLOPs each,
     * as the GPT counts them.
     */
    long attentionFlopsPerExample() {
        return 12L * vit.width() * vit.layers() * tokens() * tokens();
    }

    /**
     * The model around {@code patchEmbedding} (weight layer 0, over {@link #patchWindow}) with the
     * other weight layers taken from {@code linears} in model order.
     */
    VisionTransformer build(Layer patchEmbedding, Supplier<Layer> linears, Rng rng) {
        int d = vit.width();
        List<Layer> trunk = new ArrayList<>();
        if (dropout > 0) {
            trunk.add(new Dropout(dropout, rng.fold(999)));
        }
        for (int l = 0; l < vit.layers(); l++) {
            Layer qkv = linears.get();
            Layer proj = linears.get();
            CausalSelfAttention attention = new CausalSelfAttention(qkv, withDropout(proj, rng.fold(1000 + 2L * l)),
                    vit.heads(), tokens());
            attention.setMask(AttentionMask.full());
            Layer fc = linears.get();
            Layer down = linears.get();
            Layer mlp = withDropout(new Mlp(fc, down), rng.fold(1001 + 2L * l));
            String block = "h" + l;
            trunk.add(new Block(new LayerNorm(block + ".ln1", d, true), attention, new LayerNorm(block + ".ln2", d, true),
                    mlp));
        }
        Layer head = linears.get();
        DenseParam classToken = new DenseParam("cls.token", normal(rng.fold(-2), 1, d));
        DenseParam positions = new DenseParam("pos.embedding", normal(rng.fold(-3), tokens(), d));
        return new VisionTransformer(input, patchEmbedding, classToken, positions, new Sequential(trunk),
                new LayerNorm("lnf", d, true), head);
    }

    // layer, then dropout on its output when the model has any
    private Layer withDropout(Layer layer, Rng rng) {
        return dropout > 0 ? new Sequential(layer, new Dropout(dropout, rng)) : layer;
    }

    private static Tensor normal(Rng rng, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        float[] v = t.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (EMBEDDING_STD * rng.nextGaussian());
        }
        return t;
    }
}
