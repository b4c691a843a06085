package rewire.models.gan;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Window;
import rewire.nn.Activation;
import rewire.nn.BatchNorm;
import rewire.nn.Conv2d;
import rewire.nn.ConvTranspose2d;
import rewire.nn.DenseParam;
import rewire.nn.Flatten;
import rewire.nn.Init;
import rewire.nn.Layer;
import rewire.nn.Linear;
import rewire.nn.Sequential;
import rewire.nn.SparseLinear;
import rewire.nn.Unflatten;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The weight layers of DCGAN's generator and discriminator for images of {@code C x S x S}
 * ({@link GanModelSettings}), known before they are built, so a recipe can choose their initial
 * patterns by Erdos-Renyi-Kernel; and the networks built on those patterns (a null pattern builds
 * a dense layer). Kernel shapes: a convolution {@code (Cout, Cin, 4, 4)}, a transposed convolution
 * PyTorch's {@code (Cin, Cout, 4, 4)}, an fc layer {@code (out, in)}. Both networks work on images
 * in the convolution layout {@code (C, B·S·S)}.
 */
final class GanArchitecture {
    private static final Window UP_DOWN = new Window(4, 2, 1);

    private final GanModelSettings settings;
    private final ImageShape image;
    private final ImageShape half;
    private final ImageShape quarter;

    GanArchitecture(GanModelSettings settings, ImageShape image) {
        if (image.height() % 4 != 0 || image.width() % 4 != 0) {
            throw new IllegalArgumentException("a DCGAN halves the image twice: its sides must divide by 4, got "
                    + image);
        }
        this.settings = settings;
        this.image = image;
        int w = settings.width();
        this.half = new ImageShape(w, image.height() / 2, image.width() / 2);
        this.quarter = new ImageShape(2 * w, image.height() / 4, image.width() / 4);
    }

    ImageShape image() {
        return image;
    }

    /** The generator's weight layers: fc, two transposed convolutions. */
    List<LayerShape> generatorShapes() {
        int w = settings.width();
        return List.of(LayerShape.matrix("g.fc", quarter.features(), settings.latent()),
                new LayerShape("g.up1", new int[] {2 * w, w, 4, 4}),
                new LayerShape("g.up2", new int[] {w, image.channels(), 4, 4}));
    }

    /** The discriminator's weight layers: two convolutions, fc. */
    List<LayerShape> discriminatorShapes() {
        int w = settings.width();
        return List.of(new LayerShape("d.conv1", new int[] {w, image.channels(), 4, 4}),
                new LayerShape("d.conv2", new int[] {2 * w, w, 4, 4}),
                LayerShape.matrix("d.fc", 1, quarter.features()));
    }

    /**
     * A built network and what its parameter group needs.
     *
     * @param model        {@code z (latent, B) -> (C, B·S·S)} or {@code (C, B·S·S) -> (1, B)}
     * @param sparseLayers the sparse weight layers in model order
     * @param kernelShapes the kernel shape of each sparse layer
     * @param flopLayers   every weight layer, for FLOP accounting
     */
    record Network(Layer model, List<SparseLinear> sparseLayers, List<int[]> kernelShapes,
                   List<FlopCounter.Layer> flopLayers) {
    }

    /** The generator on {@code patterns} (null entries: dense layers). */
    Network generator(List<SparsityPattern> patterns, Rng rng) {
        Cores cores = new Cores(generatorShapes(), patterns, rng, false);
        // the fc and the first transposed convolution feed batch norms, which make a bias redundant
        Layer fc = cores.next(false, 1, false);
        ConvTranspose2d up1 = transposed(quarter, cores.next(false, quarter.pixels(), true), null);
        ConvTranspose2d up2 = transposed(half, cores.next(false, half.pixels(), true),
                new DenseParam("g.up2.bias", Tensor.zeros(image.channels())));
        Layer model = new Sequential(fc, new Unflatten(quarter), new BatchNorm("g.bn0", quarter.channels()),
                Activation.relu(), up1, new BatchNorm("g.bn1", half.channels()), Activation.relu(), up2,
                Activation.tanh());
        return cores.network(model);
    }

    /** The discriminator on {@code patterns}, spectrally normalized when the settings say so. */
    Network discriminator(List<SparsityPattern> patterns, Rng rng) {
        Cores cores = new Cores(discriminatorShapes(), patterns, rng, settings.spectralNorm());
        // the first convolution reads data (real or detached fake images): no input gradient in its own loss
        Layer conv1 = conv(image, cores.next(true, half.pixels(), false));
        Layer conv2 = conv(half, cores.next(true, quarter.pixels(), true));
        Layer fc = cores.next(true, 1, true);
        Layer model = new Sequential(conv1, Activation.leakyRelu(settings.slope()), conv2,
                Activation.leakyRelu(settings.slope()),
                new Flatten(quarter), fc);
        return cores.network(model);
    }

    private static ConvTranspose2d transposed(ImageShape in, Layer core, DenseParam bias) {
        return core instanceof SparseLinear s ? new ConvTranspose2d(in, UP_DOWN, s, bias)
                : new ConvTranspose2d(in, UP_DOWN, (Linear) core, bias);
    }

    private static Conv2d conv(ImageShape in, Layer core) {
        return core instanceof SparseLinear s ? new Conv2d(in, UP_DOWN, s) : new Conv2d(in, UP_DOWN, (Linear) core);
    }

    /** Makes weight layer after weight layer of one network, sparse or dense as its pattern says. */
    private final class Cores {
        private final List<LayerShape> shapes;
        private final List<SparsityPattern> patterns;
        private final Rng rng;
        private final boolean spectral;
        private final List<SparseLinear> sparse = new ArrayList<>();
        private final List<int[]> kernelShapes = new ArrayList<>();
        private final List<FlopCounter.Layer> flops = new ArrayList<>();
        private int next;

        Cores(List<LayerShape> shapes, List<SparsityPattern> patterns, Rng rng, boolean spectral) {
            if (patterns.size() != shapes.size()) {
                throw new IllegalArgumentException(patterns.size() + " patterns for " + shapes.size() + " layers");
            }
            this.shapes = shapes;
            this.patterns = patterns;
            this.rng = rng;
            this.spectral = spectral;
        }

        // layer `next` as an (rows, cols) product: sparse on its pattern or dense, normalized when spectral
        Layer next(boolean withBias, int positions, boolean inputGradient) {
            int i = next++;
            LayerShape shape = shapes.get(i);
            SparsityPattern p = patterns.get(i);
            Rng draw = rng.fold(i);
            FlopCounter.Layer flop;
            Layer layer;
            if (p == null) {
                Linear l = Linear.create(shape.name(), shape.cols(), shape.rows(), withBias, Init.kaimingNormal(), draw);
                flop = FlopCounter.Layer.dense(l.weight().name(), shape.cols(), shape.rows());
                layer = spectral ? l.spectrallyNormalized(draw.fold(1)) : l;
            } else {
                SparseLinear s = SparseLinear.create(shape.name(), p, withBias, Init.kaimingNormal(),
                        settings.crossover(), draw);
                s = spectral ? s.spectrallyNormalized(draw.fold(1)) : s;
                sparse.add(s);
                kernelShapes.add(shape.dims());
                flop = FlopCounter.Layer.sparse(s.weight().name(), shape.cols(), shape.rows(), p.nnz());
                layer = s;
            }
            flop = inputGradient ? flop : flop.withoutInputGradient();
            flops.add(flop.atPositions(positions));
            return layer;
        }

        Network network(Layer model) {
            return new Network(model, sparse, kernelShapes, flops);
        }
    }
}
