package rewire.models.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import rewire.models.moe.FeedForward;
import rewire.models.moe.MixtureOfExperts;
import rewire.models.moe.Mlp;
import rewire.models.moe.MoeSettings;
import rewire.nn.CausalSelfAttention;
import rewire.nn.DenseParam;
import rewire.nn.InputObserver;
import rewire.nn.Layer;
import rewire.nn.LayerNorm;
import rewire.nn.Linear;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.nn.SparseParam;
import rewire.prune.PruneTarget;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The layers of a {@link GptModel} and how to build it. The linear maps of every block (attention
 * qkv and projection, then the MLP's fc and projection, or those of each expert of a mixture; no
 * biases) are the layers dynamic sparse training may make sparse and one-shot pruning may prune,
 * as Mixed Sparsity Training does with every linear layer; the embeddings, layer norms, routers
 * and the tied output head stay dense (the head is about 1% of the model's linear FLOPs at a
 * character vocabulary). Attention's products between activations are no layer here;
 * {@link GptWorkload} counts them per step. An expert's FLOP layers see {@code k/E} of the tokens.
 * Weights follow GPT-2's initialization: normal with {@code initStd}, output projections
 * {@code initStd / sqrt(2·layers)}, sparse weights drawn the same way on their pattern. Every
 * parameter name starts with {@code prefix} (empty for a model that trains; a distillation teacher
 * beside its student takes one).
 */
final class GptArchitecture {
    private final GptModelSettings settings;
    private final int vocab;
    private final String prefix;
    private final int perBlock;
    private final List<LayerShape> shapes = new ArrayList<>();

    GptArchitecture(GptModelSettings settings, int vocab, String prefix) {
        this.settings = settings;
        this.vocab = vocab;
        this.prefix = prefix;
        MoeSettings moe = settings.moe();
        int d = settings.width();
        for (int i = 0; i < settings.layers(); i++) {
            String p = prefix + "h" + i;
            shapes.add(LayerShape.matrix(p + ".attn.qkv", 3 * d, d));
            shapes.add(LayerShape.matrix(p + ".attn.proj", d, d));
            if (moe.enabled()) {
                for (int e = 0; e < moe.experts(); e++) {
                    shapes.add(LayerShape.matrix(p + ".moe.e" + e + ".fc", 4 * d, d));
                    shapes.add(LayerShape.matrix(p + ".moe.e" + e + ".proj", d, 4 * d));
                }
            } else {
                shapes.add(LayerShape.matrix(p + ".mlp.fc", 4 * d, d));
                shapes.add(LayerShape.matrix(p + ".mlp.proj", d, 4 * d));
            }
        }
        this.perBlock = shapes.size() / settings.layers();
    }

    /** The linear layers in model order: per block the attention's two, then the MLP's two or each expert's. */
    List<LayerShape> shapes() {
        return shapes;
    }

    /**
     * A built model with its sparse layers, the layers FLOP accounting counts, its mixtures (none
     * for dense MLPs), every block's feed-forward and the weights one-shot pruning may prune (one
     * stage per block).
     */
    record Built(GptModel model, List<SparseLinear> sparseLayers, List<FlopCounter.Layer> flopLayers,
                 List<MixtureOfExperts> mixtures, List<FeedForward> feedForwards, List<PruneTarget> pruneTargets) {
    }

    /** One linear layer as built: the layer, its weight and how to watch its inputs. */
    private record LinearPart(Layer layer, Param weight, Consumer<InputObserver> inputs) {
    }

    /** The model with layer i sparse on {@code patterns.get(i)}, or dense where that is null. */
    Built build(List<SparsityPattern> patterns, Rng rng) {
        int d = settings.width();
        Parts parts = new Parts();
        List<Block> blocks = new ArrayList<>();
        for (int l = 0; l < settings.layers(); l++) {
            LinearPart[] linears = new LinearPart[perBlock];
            for (int j = 0; j < perBlock; j++) {
                int i = l * perBlock + j;
                double std = j % 2 == 1 ? settings.initStd() / Math.sqrt(2.0 * settings.layers()) : settings.initStd();
                double share = j >= 2 && settings.moe().enabled()
                        ? (double) settings.moe().topK() / settings.moe().experts() : 1;
                linears[j] = linear(shapes.get(i), patterns.get(i), std, share, rng.fold(i), parts);
            }
            for (int j = 0; j < 2; j++) {
                parts.pruneTargets.add(PruneTarget.of(l, linears[j].weight(), linears[j].inputs()));
            }
            CausalSelfAttention attention = new CausalSelfAttention(linears[0].layer(), linears[1].layer(),
                    settings.heads(), settings.blockSize());
            Layer ffn = feedForward(l, linears, rng.fold(-100 - l), parts);
            String p = prefix + "h" + l;
            blocks.add(new Block(new LayerNorm(p + ".ln1", d, false), attention, new LayerNorm(p + ".ln2", d, false),
                    ffn));
        }
        parts.flops.add(FlopCounter.Layer.dense(prefix + "head", d, vocab));
        DenseParam wte = new DenseParam(prefix + "wte.weight", normal(rng.fold(-1), settings.initStd(), vocab, d));
        DenseParam wpe = new DenseParam(prefix + "wpe.weight", normal(rng.fold(-2), settings.initStd(),
                settings.blockSize(), d));
        GptModel model = new GptModel(wte, wpe, blocks, new LayerNorm(prefix + "lnf", d, false));
        return new Built(model, parts.sparse, parts.flops, parts.mixtures, parts.feedForwards, parts.pruneTargets);
    }

    /** What building collects besides the blocks. */
    private static final class Parts {
        final List<SparseLinear> sparse = new ArrayList<>();
        final List<FlopCounter.Layer> flops = new ArrayList<>();
        final List<MixtureOfExperts> mixtures = new ArrayList<>();
        final List<FeedForward> feedForwards = new ArrayList<>();
        final List<PruneTarget> pruneTargets = new ArrayList<>();
    }

    // block l's MLP from linears[2..3], or its mixture over linears[2..] with a dense router (E, d);
    // an expert's prune targets carry its router gates
    private Layer feedForward(int l, LinearPart[] linears, Rng routerRng, Parts parts) {
        MoeSettings moe = settings.moe();
        if (!moe.enabled()) {
            Mlp mlp = new Mlp(linears[2].layer(), linears[3].layer());
            for (int j = 2; j < 4; j++) {
                parts.pruneTargets.add(PruneTarget.of(l, linears[j].weight(), linears[j].inputs()));
            }
            parts.feedForwards.add(mlp);
            return mlp;
        }
        List<Mlp> experts = new ArrayList<>();
        for (int e = 0; e < moe.experts(); e++) {
            experts.add(new Mlp(linears[2 + 2 * e].layer(), linears[3 + 2 * e].layer()));
        }
        String name = prefix + "h" + l + ".moe.router";
        Linear router = new Linear(new DenseParam(name + ".weight", normal(routerRng, settings.initStd(), moe.experts(),
                settings.width())), null);
        parts.flops.add(FlopCounter.Layer.dense(router.weight().name(), settings.width(), moe.experts()));
        MixtureOfExperts mixture = new MixtureOfExperts(router, experts, moe.topK());
        for (int j = 0; j < 2 * moe.experts(); j++) {
            int e = j / 2;
            LinearPart part = linears[2 + j];
            parts.pruneTargets.add(PruneTarget.gated(l, part.weight(), part.inputs(), () -> mixture.gatesOf(e)));
        }
        parts.mixtures.add(mixture);
        parts.feedForwards.add(mixture);
        return mixture;
    }

    // a dense or sparse layer of `shape`; its FLOP layer sees `share` of the tokens
    private LinearPart linear(LayerShape shape, SparsityPattern pattern, double std, double share, Rng rng,
                              Parts parts) {
        String name = shape.name();
        if (pattern == null) {
            Linear l = new Linear(new DenseParam(name + ".weight", normal(rng, std, shape.rows(), shape.cols())), null);
            parts.flops.add(FlopCounter.Layer.dense(l.weight().name(), shape.cols(), shape.rows()).routed(share));
            return new LinearPart(l, l.weight(), l::observeInputs);
        }
        CsrMatrix w = CsrMatrix.zeros(pattern);
        float[] v = w.values();
        for (int e = 0; e < v.length; e++) {
            v[e] = (float) (std * rng.nextGaussian());
        }
        SparseLinear s = new SparseLinear(new SparseParam(name + ".weight", w), null, settings.crossover());
        parts.sparse.add(s);
        parts.flops.add(FlopCounter.Layer.sparse(s.weight().name(), shape.cols(), shape.rows(), pattern.nnz())
                .routed(share));
        return new LinearPart(s, s.weight(), s::observeInputs);
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
