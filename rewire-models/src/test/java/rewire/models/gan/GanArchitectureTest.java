package rewire.models.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Buffer;
import rewire.nn.Param;
import rewire.recipe.Recipe;
import rewire.recipe.Recipes;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** DCGAN's shapes for 28x28 images, dense and on ERK patterns. */
class GanArchitectureTest {
    private static final ImageShape FMNIST = new ImageShape(1, 28, 28);
    private final GanArchitecture arch = new GanArchitecture(new GanModelSettings(16, 8, true, 0.2, 0.35), FMNIST);

    private static List<SparsityPattern> dense(int n) {
        return new ArrayList<>(Collections.nCopies(n, (SparsityPattern) null));
    }

    private static Tensor gaussian(int rows, int cols) {
        Rng rng = new Rng(9);
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    @Test
    void kernelShapesAreThoseErkSees() {
        assertEquals(List.of("g.proj[16, 16, 7, 7]", "g.up1[16, 8, 4, 4]", "g.up2[8, 1, 4, 4]"),
                arch.generatorShapes().stream().map(LayerShape::toString).toList());
        assertEquals(List.of("d.conv1[8, 1, 4, 4]", "d.conv2[16, 8, 4, 4]", "d.score[1, 16, 7, 7]"),
                arch.discriminatorShapes().stream().map(LayerShape::toString).toList());
        assertThrows(IllegalArgumentException.class, () -> new GanArchitecture(GanModelSettings.defaults(),
                new ImageShape(1, 30, 30)));
    }

    @Test
    void theGeneratorMakesImagesInTanhRangeAndTheDiscriminatorScoresThem() {
        GanArchitecture.Network g = arch.generator(dense(3), new Rng(1));
        GanArchitecture.Network d = arch.discriminator(dense(3), new Rng(2));
        Tape tape = new Tape();
        Var images = g.model().forward(tape, Var.constant(gaussian(16, 5)));
        assertEquals(rewire.tensor.Shape.of(1, 5 * 784), images.shape());
        for (float v : images.value().data()) {
            assertTrue(v >= -1 && v <= 1);
        }
        assertEquals(rewire.tensor.Shape.of(1, 5), d.model().forward(tape, images).shape());
        assertEquals(List.of("g.bn0.runningMean", "g.bn0.runningVar", "g.bn1.runningMean", "g.bn1.runningVar"),
                g.model().buffers().stream().map(Buffer::name).toList());
        assertEquals(6, d.model().buffers().size(), "u and v of three spectrally normalized weights");
        assertTrue(g.sparseLayers().isEmpty());
    }

    /**
     * On ERK patterns every weight layer is sparse, with its kernel shape, and FLOP layers named by
     * its weight; the projections' 7x7 taps keep ERK from giving them most of the budget.
     */
    @Test
    void onRecipePatternsEveryWeightLayerIsSparse() {
        Recipe r = Recipes.standard().create("static", new Recipes.Plan(100, 10, 0.2));
        List<SparsityPattern> patterns = r.initialPatterns(arch.discriminatorShapes(), new Rng(3));
        GanArchitecture.Network d = arch.discriminator(patterns, new Rng(4));
        assertEquals(3, d.sparseLayers().size());
        assertArrayEquals(new int[] {16, 8, 4, 4}, d.kernelShapes().get(1));
        List<String> weights = d.sparseLayers().stream().map(l -> l.weight().name()).toList();
        assertEquals(weights, d.flopLayers().stream().map(FlopCounter.Layer::name).toList());
        assertEquals(List.of(196, 49, 1), d.flopLayers().stream().map(FlopCounter.Layer::positions).toList(),
                "output positions of each convolution");
        assertTrue(!d.flopLayers().get(0).inputGradient(), "the first layer reads data");
        long nnz = d.sparseLayers().stream().mapToLong(l -> l.weight().pattern().nnz()).sum();
        long size = arch.discriminatorShapes().stream().mapToLong(LayerShape::size).sum();
        assertEquals(0.2, (double) nnz / size, 1e-3);
        List<SparsityPattern> g = r.initialPatterns(arch.generatorShapes(), new Rng(5));
        GanArchitecture.Network gen = arch.generator(g, new Rng(6));
        assertEquals(List.of(1, 49, 196), gen.flopLayers().stream().map(FlopCounter.Layer::positions).toList(),
                "input positions of each transposed convolution");
        Var images = gen.model().forward(new Tape(), Var.constant(gaussian(16, 3)));
        assertEquals(rewire.tensor.Shape.of(1, 3 * 784), images.shape());
        assertEquals(List.of("g.proj.weight", "g.bn0.gain", "g.bn0.bias", "g.up1.weight", "g.bn1.gain", "g.bn1.bias",
                "g.up2.bias", "g.up2.weight"), gen.model().params().stream().map(Param::name).toList());
        double proj = gen.sparseLayers().get(0).weight().pattern().density();
        double up1 = gen.sparseLayers().get(1).weight().pattern().density();
        assertTrue(up1 > proj, "ERK: the upsampling (" + up1 + ") denser than the projection (" + proj + ")");
    }
}
