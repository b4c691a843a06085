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
import rewire.nn.Init;
import rewire.nn.Layer;
import rewire.nn.Linear;
import rewire.nn.Sequential;
import rewire.nn.SparseLinear;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The weight layers of DCGAN's generator and discriminator for images of {@code C x S x S}
 * ({@link GanModelSettings}), known before they are built, so a recipe can choose their initial
 * patterns by Erdos-Renyi-Kernel; and the networks built on those patterns (a null pattern builds
 * a dense layer). As in PyTorch's DCGAN, the generator's first layer is a transposed convolution
 * from {@code 1 x 1} to {@code S/4 x S/4} and the discriminator's last a convolution from
 * {@code S/4 x S/4} to {@code 1 x 1} (each the same product as an fc layer on the flattened map),
 * so every weight has a kernel shape: a convolution {@code (Cout, Cin, k, k)}, a transposed
 * convolution PyTorch's {@code (Cin, Cout, k, k)}; ERK then weighs the projection's 49 positions
 * as kernel taps and does not spend the budget on it. Both networks work on images in the
 * convolution layout {@code (C, B·S·S)}; the latent code {@code (latent, B)} is that layout for
 * maps of {@code 1 x 1}.
 */
final class GanArchitecture {
    private static final Window UP_DOWN = new Window(4, 2, 1);
    private static final ImageShape POINT = new ImageShape(1, 1, 1);

    private final GanModelSettings settings;
    private final ImageShape image;
    private final ImageShape half;
    private final ImageShape quarter;
    private final Window whole;

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
        if (quarter.height() != quarter.width()) {
            throw new IllegalArgumentException("a DCGAN projects to and from a square map: the images must be square, "
                    + "got " + image);
        }
        this.whole = new Window(quarter.height(), 1, 0);
    }

    ImageShape image() {
        return image;
    }

    /** The generator's weight layers: the projection and two upsamplings, all transposed convolutions. */
    List<LayerShape> generatorShapes() {
        int w = settings.width();
        int k = whole.size();
        return List.of(new LayerShape("g.proj", new int[] {settings.latent(), 2 * w, k, k}),
                new LayerShape("g.up1", new int[] {2 * w, w, 4, 4}),
                new LayerShape("g.up2", new int[] {w, image.channels(), 4, 4}));
    }

    /** The discriminator's weight layers: two downsamplings and the score, all convolutions. */
    List<LayerShape> discriminatorShapes() {
        int w = settings.width();
        int k = whole.size();
        return List.of(new LayerShape("d.conv1", new int[] {w, image.channels(), 4, 4}),
                new LayerShape("d.conv2", new int[] {2 * w, w, 4, 4}),
                new LayerShape("d.score", new int[] {1, 2 * w, k, k}));
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
        // the first two layers feed batch norms, which make a bias redundant
        ImageShape code = POINT.withChannels(settings.latent());
        ConvTranspose2d proj = transposed(code, whole, cores.next(false, 1, false), null);
        ConvTranspose2d up1 = transposed(quarter, UP_DOWN, cores.next(false, quarter.pixels(), true), null);
        ConvTranspose2d up2 = transposed(half, UP_DOWN, cores.next(false, half.pixels(), true),
                new DenseParam("g.up2.bias", Tensor.zeros(image.channels())));
        Layer model = new Sequential(proj, new BatchNorm("g.bn0", quarter.channels()), Activation.relu(), up1,
                new BatchNorm("g.bn1", half.channels()), Activation.relu(), up2, Activation.tanh());
        return cores.network(model);
    }

    /** The discriminator on {@code patterns}, spectrally normalized when the settings say so. */
    Network discriminator(List<SparsityPattern> patterns, Rng rng) {
        Cores cores = new Cores(discriminatorShapes(), patterns, rng, settings.spectralNorm());
        // the first convolution reads data (real or detached fake images): no input gradient in its own loss
        Layer conv1 = conv(image, UP_DOWN, cores.next(true, half.pixels(), false));
        Layer conv2 = conv(half, UP_DOWN, cores.next(true, quarter.pixels(), true));
        Layer score = conv(quarter, whole, cores.next(true, 1, true));                     // (1, B·1·1) = (1, B)
        Layer model = new Sequential(conv1, Activation.leakyRelu(settings.slope()), conv2,
                Activation.leakyRelu(settings.slope()), score);
        return cores.network(model);
    }

    private static ConvTranspose2d transposed(ImageShape in, Window window, Layer core, DenseParam bias) {
        return core instanceof SparseLinear s ? new ConvTranspose2d(in, window, s, bias)
                : new ConvTranspose2d(in, window, (Linear) core, bias);
    }

    private static Conv2d conv(ImageShape in, Window window, Layer core) {
        return core instanceof SparseLinear s ? new Conv2d(in, window, s) : new Conv2d(in, window, (Linear) core);
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
