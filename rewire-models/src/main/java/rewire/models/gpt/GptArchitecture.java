package rewire.models.gpt;

import java.util.ArrayList;
import java.util.List;
import rewire.nn.CausalSelfAttention;
import rewire.nn.DenseParam;
import rewire.nn.Layer;
import rewire.nn.LayerNorm;
import rewire.nn.Linear;
import rewire.nn.SparseLinear;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The layers of a {@link GptModel} and how to build it. The four linear maps of every block
 * (attention qkv and projection, MLP fc and projection; no biases) are the layers dynamic sparse
 * training may make sparse, as Mixed Sparsity Training does with every linear layer; the
 * embeddings, layer norms and the tied output head stay dense (the head is about 1% of the
 * model's linear FLOPs at a character vocabulary). Attention's products between activations are
 * no layer here; {@link GptWorkload} counts them per step. Weights follow GPT-2's initialization:
 * normal with {@code initStd}, output projections {@code initStd / sqrt(2·layers)}, sparse
 * weights drawn the same way on their pattern.
 */
final class GptArchitecture {
    private final GptModelSettings settings;
    private final int vocab;
    private final List<LayerShape> shapes = new ArrayList<>();

    GptArchitecture(GptModelSettings settings, int vocab) {
        this.settings = settings;
        this.vocab = vocab;
        int d = settings.width();
        for (int i = 0; i < settings.layers(); i++) {
            shapes.add(LayerShape.matrix("h" + i + ".attn.qkv", 3 * d, d));
            shapes.add(LayerShape.matrix("h" + i + ".attn.proj", d, d));
            shapes.add(LayerShape.matrix("h" + i + ".mlp.fc", 4 * d, d));
            shapes.add(LayerShape.matrix("h" + i + ".mlp.proj", d, 4 * d));
        }
    }

    /** The linear layers in model order, four per block. */
    List<LayerShape> shapes() {
        return shapes;
    }

    /** A built model with its sparse layers and the layers FLOP accounting counts. */
    record Built(GptModel model, List<SparseLinear> sparseLayers, List<FlopCounter.Layer> flopLayers) {
    }

    /** The model with layer i sparse on {@code patterns.get(i)}, or dense where that is null. */
    Built build(List<SparsityPattern> patterns, Rng rng) {
        int d = settings.width();
        int t = settings.blockSize();
        List<SparseLinear> sparse = new ArrayList<>();
        List<FlopCounter.Layer> flops = new ArrayList<>();
        Layer[] linears = new Layer[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            double std = i % 2 == 1 ? settings.initStd() / Math.sqrt(2.0 * settings.layers()) : settings.initStd();
            linears[i] = linear(shapes.get(i), patterns.get(i), std, rng.fold(i), sparse, flops);
        }
        List<Block> blocks = new ArrayList<>();
        for (int l = 0; l < settings.layers(); l++) {
            String p = "h" + l;
            CausalSelfAttention attention = new CausalSelfAttention(linears[4 * l], linears[4 * l + 1], settings.heads(),
                    t);
            blocks.add(new Block(new LayerNorm(p + ".ln1", d, false), attention, new LayerNorm(p + ".ln2", d, false),
                    linears[4 * l + 2], linears[4 * l + 3]));
        }
        flops.add(FlopCounter.Layer.dense("head", d, vocab));
        DenseParam wte = new DenseParam("wte.weight", normal(rng.fold(-1), settings.initStd(), vocab, d));
        DenseParam wpe = new DenseParam("wpe.weight", normal(rng.fold(-2), settings.initStd(), t, d));
        return new Built(new GptModel(wte, wpe, blocks, new LayerNorm("lnf", d, false)), sparse, flops);
    }

    private Layer linear(LayerShape shape, SparsityPattern pattern, double std, Rng rng, List<SparseLinear> sparse,
                          List<FlopCounter.Layer> flops) {
        String name = shape.name();
        if (pattern == null) {
            Linear l = new Linear(new DenseParam(name + ".weight", normal(rng, std, shape.rows(), shape.cols())), null);
            flops.add(FlopCounter.Layer.dense(l.weight().name(), shape.cols(), shape.rows()));
            return l;
        }
        CsrMatrix w = CsrMatrix.zeros(pattern);
        float[] v = w.values();
        for (int e = 0; e < v.length; e++) {
            v[e] = (float) (std * rng.nextGaussian());
        }
        SparseLinear s = new SparseLinear(new SparseParam(name + ".weight", w), null, settings.crossover());
        sparse.add(s);
        flops.add(FlopCounter.Layer.sparse(s.weight().name(), shape.cols(), shape.rows(), pattern.nnz()));
        return s;
    }

    private static Tensor normal(Rng rng, double std, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        float[] v = t.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (std * rng.nextGaussian());
        }
        return t;
    }
}
