package rewire.models.classify;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Window;
import rewire.nn.Activation;
import rewire.nn.Conv2d;
import rewire.nn.Dropout;
import rewire.nn.Flatten;
import rewire.nn.Init;
import rewire.nn.Layer;
import rewire.nn.Linear;
import rewire.nn.Pool2d;
import rewire.nn.Sequential;
import rewire.nn.SparseLinear;
import rewire.nn.Unflatten;
import rewire.recipe.Recipe;
import rewire.sparse.SparsityPattern;
import rewire.sparse.StorageFormat;
import rewire.sparsity.DiagonalSelection;
import rewire.sparsity.FlopCounter;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;

/**
 * The weight layers of a classifier, known before it is built, so a DST recipe can choose their
 * initial patterns (ERK needs every layer's shape), and the model built from those patterns.
 *
 * <pre>
 * mlp : x (784, B) -> [fc -> ReLU (-> dropout)]* -> fc -> logits (10, B)
 * cnn : x (784, B) -> unflatten (1, B·28·28) -> [conv k×k, same padding -> ReLU -> maxpool 2]*
 *       -> flatten -> [fc -> ReLU (-> dropout)]* -> fc -> logits (10, B)
 * vit : x (784, B) -> patch embedding (d, B·n) -> class token and positions (d, B·T)
 *       -> [pre-norm block, full attention]* -> layer norm of the class tokens (d, B) -> head -> logits (10, B)
 *       ({@link VitArchitecture})
 * </pre>
 * Every weight layer is sparse when given a pattern and dense ({@link Linear}) when given none.
 */
final class Architecture {
    private final ModelSettings settings;
    private final ImageShape input;
    private final int classes;
    private final List<LayerShape> shapes = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private final VitArchitecture vit;

    Architecture(ModelSettings settings, ImageShape input, int classes) {
        this.settings = settings;
        this.input = input;
        this.classes = classes;
        this.vit = settings.arch() == ModelSettings.Arch.VIT ? new VitArchitecture(settings, input, classes) : null;
        if (vit != null) {
            vit.addLayers(shapes, positions);
            return;
        }
        ImageShape maps = input;
        int k = settings.kernel();
        if (settings.arch() == ModelSettings.Arch.CNN) {
            for (int i = 0; i < settings.channels().size(); i++) {
                int out = settings.channels().get(i);
                shapes.add(new LayerShape("conv" + (i + 1), new int[] {out, maps.channels(), k, k}));
                positions.add(maps.height() * maps.width());
                maps = new ImageShape(out, maps.height() / 2, maps.width() / 2);
            }
        }
        int in = maps.features();
        for (int i = 0; i < settings.hidden().size(); i++) {
            shapes.add(LayerShape.matrix("fc" + (i + 1), settings.hidden().get(i), in));
            positions.add(1);
            in = settings.hidden().get(i);
        }
        shapes.add(LayerShape.matrix("fc" + (settings.hidden().size() + 1), classes, in));
        positions.add(1);
    }

    /** The weight layers in model order: a convolution as {@code (Cout, Cin, k, k)}, a linear layer as {@code (out, in)}. */
    List<LayerShape> shapes() {
        return shapes;
    }

    /**
     * The model, its layers, the model as PyTorch and ONNX see it, and the training FLOPs per
     * example of products between activations (the ViT's attention; 0 for the MLP and CNN).
     */
    record Built(Layer model, List<SparseLinear> sparseLayers, List<int[]> sparseKernelShapes,
                 List<FlopCounter.Layer> flopLayers, ClassifierExport export, long activationFlopsPerExample) {
    }

    /**
     * Builds the model; {@code patterns.get(i)} is the pattern of weight layer {@code i}, or null
     * for a dense layer. The sparse layers compute in the storage format of {@code recipe}'s
     * constraint, behind a DynaDiag gate when the recipe learns diagonals; {@code recipe} is null
     * for a dense model.
     */
    Built build(List<SparsityPattern> patterns, Recipe recipe, Rng rng) {
        if (patterns.size() != shapes.size()) {
            throw new IllegalArgumentException(patterns.size() + " patterns for " + shapes.size() + " layers");
        }
        List<Layer> modules = new ArrayList<>();
        LayerBuilder layers = new LayerBuilder(patterns, recipe, rng);
        if (vit != null) {
            Layer model = vit.build(layers.conv(input, vit.patchWindow()), layers::linear, rng);
            return new Built(model, layers.sparse, layers.kernelShapes, layers.flops,
                    new ClassifierExport(settings, input, classes, shapes, model), vit.attentionFlopsPerExample());
        }
        ImageShape maps = input;
        if (settings.arch() == ModelSettings.Arch.CNN) {
            modules.add(new Unflatten(input));
            Window same = new Window(settings.kernel(), 1, settings.kernel() / 2);
            for (int i = 0; i < settings.channels().size(); i++) {
                // conv -> ReLU -> max pooling, computed as conv -> max pooling -> ReLU: the ReLU commutes
                // with the maximum (values and gradients alike: a window whose maximum is not positive
                // passes no gradient either way), and runs on a quarter of the pixels
                modules.add(layers.conv(maps, same));
                ImageShape conv = new ImageShape(settings.channels().get(i), maps.height(), maps.width());
                modules.add(Pool2d.max(conv, new Window(2, 2, 0)));
                modules.add(Activation.relu());
                maps = new ImageShape(conv.channels(), conv.height() / 2, conv.width() / 2);
            }
            modules.add(new Flatten(maps));
        }
        for (int i = 0; i < settings.hidden().size(); i++) {
            modules.add(layers.linear());
            modules.add(Activation.relu());
            if (settings.dropout() > 0) {
                modules.add(new Dropout(settings.dropout(), rng.fold(1000 + i)));
            }
        }
        modules.add(layers.linear());
        Sequential model = new Sequential(modules);
        return new Built(model, layers.sparse, layers.kernelShapes, layers.flops,
                new ClassifierExport(settings, input, classes, shapes, model), 0);
    }

    // Makes weight layer after weight layer, sparse or dense as its pattern says.
    private final class LayerBuilder {
        private final List<SparsityPattern> patterns;
        private final Recipe recipe;
        private final Rng rng;
        private final List<SparseLinear> sparse = new ArrayList<>();
        private final List<int[]> kernelShapes = new ArrayList<>();
        private final List<FlopCounter.Layer> flops = new ArrayList<>();
        private int next;

        LayerBuilder(List<SparsityPattern> patterns, Recipe recipe, Rng rng) {
            this.patterns = patterns;
            this.recipe = recipe;
            this.rng = rng;
        }

        Layer conv(ImageShape maps, Window window) {
            Layer core = core();
            return core instanceof SparseLinear s ? new Conv2d(maps, window, s) : new Conv2d(maps, window, (Linear) core);
        }

        Layer linear() {
            return core();
        }

        // weight layer `next` as an (out, in) product: sparse on its pattern, or dense
        private Layer core() {
            int i = next++;
            LayerShape shape = shapes.get(i);
            SparsityPattern p = patterns.get(i);
            String name = shape.name();
            FlopCounter.Layer flop;
            Layer m;
            if (p == null) {
                Linear l = Linear.create(name, shape.cols(), shape.rows(), true, Init.kaimingNormal(), rng.fold(i));
                flop = FlopCounter.Layer.dense(l.weight().name(), shape.cols(), shape.rows());
                m = l;
            } else {
                SparseLinear s = inRecipeFormat(
                        SparseLinear.create(name, p, true, Init.kaimingNormal(), settings.crossover(), rng.fold(i)),
                        i == shapes.size() - 1);
                sparse.add(s);
                kernelShapes.add(shape.dims());
                flop = FlopCounter.Layer.sparse(s.weight().name(), shape.cols(), shape.rows(), p.nnz());
                m = s;
            }
            flop = i == 0 ? flop.withoutInputGradient() : flop;
            flops.add(flop.atPositions(positions.get(i)));
            return m;
        }

        private SparseLinear inRecipeFormat(SparseLinear s, boolean last) {
            if (recipe == null) {
                return s;
            }
            DiagonalSelection diagonals = recipe.diagonals();
            if (recipe.srSte() != null) {
                return s.inFormat(StorageFormat.FAN_IN);  // dense while it trains, N:M (a constant fan-in) after
            }
            if (diagonals == null) {
                return s.inFormat(recipe.rewirer().constraint().format());
            }
            return last && diagonals.denseLast() ? s : s.withDiagonalGate(diagonals.budget(s.out(), s.in()));
        }
    }
}
