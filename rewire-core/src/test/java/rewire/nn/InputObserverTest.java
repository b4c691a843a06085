package rewire.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Linear layers show each forward pass's input, in every representation, until the observer is removed. */
class InputObserverTest {

    private static Tensor input(long seed) {
        Tensor x = Tensor.zeros(6, 3);                        // (in, B)
        Rng rng = new Rng(seed);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    // two observed forward passes, then one after the observer is removed
    private static void watch(Layer layer, Runnable install, Runnable remove) {
        install.run();
        Tape tape = new Tape();
        layer.forward(tape, Var.constant(input(1)));
        layer.forward(tape, Var.constant(input(2)));
        remove.run();
        layer.forward(tape, Var.constant(input(3)));
    }

    @Test
    void denseLayerShowsEachInputUntilRemoved() {
        Linear layer = Linear.create("fc", 6, 4, new Rng(5));
        List<float[]> seen = new ArrayList<>();
        watch(layer, () -> layer.observeInputs(x -> seen.add(x.data().clone())),
                () -> layer.observeInputs(InputObserver.NONE));
        assertEquals(2, seen.size());
        assertArrayEquals(input(1).data(), seen.get(0));
        assertArrayEquals(input(2).data(), seen.get(1));
    }

    @Test
    void sparseLayerShowsItsInputInBothRepresentations() {
        for (double crossover : new double[] {0, 2}) {       // always masked dense, never
            SparseLinear layer = SparseLinear.create("fc", Patterns.random(4, 6, 12, new Rng(3)), true,
                    Init.kaimingNormal(), crossover, new Rng(4));
            List<float[]> seen = new ArrayList<>();
            watch(layer, () -> layer.observeInputs(x -> seen.add(x.data().clone())),
                    () -> layer.observeInputs(InputObserver.NONE));
            assertEquals(2, seen.size(), layer.representation().name());
            assertArrayEquals(input(2).data(), seen.get(1), layer.representation().name());
        }
    }
}
