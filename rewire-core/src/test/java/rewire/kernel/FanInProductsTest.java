package rewire.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import rewire.sparse.FanInMatrix;
import rewire.sparse.FanInPattern;
import rewire.sparse.NmMatrix;
import rewire.sparse.NmPattern;
import rewire.tensor.Tensor;

/** {@link FanInProducts} and {@link NmProducts} by hand, and their shape errors. */
class FanInProductsTest {
    private static final Parallel ONE = new Parallel(1);
    private static final Kernels KERNELS = new Kernels(new ScalarKernels(), null, ONE, "test");
    // 3 x 4, fan-in 2: (0, 0) = 1, (0, 3) = 2, (1, 1) = 3, (1, 2) = 4, (2, 0) = 5, (2, 2) = 6
    private static final FanInMatrix W = new FanInMatrix(FanInPattern.of(3, 4, 2, new int[] {0, 3, 1, 2, 0, 2}),
            new float[] {1, 2, 3, 4, 5, 6});

    @AfterAll
    static void close() {
        ONE.close();
    }

    @Test
    void productsOfASmallMatrixByHand() {
        Tensor x = Tensor.of(new float[] {1, 10, 100, 1000}, 4, 1);
        Tensor y = Tensor.zeros(3, 1);
        KERNELS.fanIn().mult(W, x, y);
        assertArrayEquals(new float[] {1 + 2000, 30 + 400, 5 + 600}, y.data());
        KERNELS.fanIn().multAddBiasRelu(W, x, Tensor.of(new float[] {-3000, 0, 1}, 3), y);
        assertArrayEquals(new float[] {0, 430, 606}, y.data());
        Tensor dy = Tensor.of(new float[] {1, 2, 3}, 3, 1);
        Tensor dx = Tensor.zeros(4, 1);
        KERNELS.fanIn().multTransA(W, dy, dx);
        assertArrayEquals(new float[] {1 + 15, 6, 8 + 18, 2}, dx.data());
        float[] dv = new float[6];
        KERNELS.fanIn().sampledMultTransB(dy, x, W.pattern(), dv);
        // dy[r] * x[c] at (0, 0), (0, 3), (1, 1), (1, 2), (2, 0), (2, 2)
        assertArrayEquals(new float[] {1, 1000, 20, 200, 3, 300}, dv);
    }

    @Test
    void nmProductsAreTheFanInProductsOfTheSameMatrix() {
        // 1 x 8 at 2:4: columns 1, 3, 4, 6
        NmMatrix w = new NmMatrix(NmPattern.of(1, 8, 2, 4, new byte[] {1, 3, 0, 2}), new float[] {1, 2, 3, 4});
        Tensor x = Tensor.of(new float[] {0, 1, 0, 10, 100, 0, 1000, 0}, 8, 1);
        Tensor y = Tensor.zeros(1, 1);
        KERNELS.nm().mult(w, x, y);
        assertArrayEquals(new float[] {1 + 20 + 300 + 4000}, y.data());
        Tensor dx = Tensor.zeros(8, 1);
        KERNELS.nm().multTransA(w, Tensor.of(new float[] {2}, 1, 1), dx);
        assertArrayEquals(new float[] {0, 2, 0, 4, 6, 0, 8, 0}, dx.data());
    }

    @Test
    void shapeErrorsNameBothShapes() {
        IllegalArgumentException forward = assertThrows(IllegalArgumentException.class,
                () -> KERNELS.fanIn().mult(W, Tensor.zeros(3, 4), Tensor.zeros(3, 4)));
        assertTrue(forward.getMessage().contains("fan-in mult: W · x shapes do not fit: input (3, 4) needs 4 rows"),
                forward.getMessage());
        IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
                () -> KERNELS.fanIn().multAddBias(W, Tensor.zeros(4, 2), Tensor.zeros(2), Tensor.zeros(3, 2)));
        assertTrue(bias.getMessage().contains("bias (2,) needs one entry per row of W (3)"), bias.getMessage());
        IllegalArgumentException back = assertThrows(IllegalArgumentException.class,
                () -> KERNELS.fanIn().multTransA(W, Tensor.zeros(3, 2), Tensor.zeros(3, 2)));
        assertTrue(back.getMessage().contains("output (3, 2) needs 4 rows"), back.getMessage());
        IllegalArgumentException sampled = assertThrows(IllegalArgumentException.class,
                () -> KERNELS.fanIn().sampledMultTransB(Tensor.zeros(3, 4), Tensor.zeros(4, 4), W.pattern(),
                        new float[5]));
        assertTrue(sampled.getMessage().contains("out (5,) for 3 x 2 entries"), sampled.getMessage());
        NmMatrix nm = NmMatrix.zeros(NmPattern.of(1, 4, 1, 4, new byte[] {2}));
        IllegalArgumentException nmForward = assertThrows(IllegalArgumentException.class,
                () -> KERNELS.nm().mult(nm, Tensor.zeros(3, 1), Tensor.zeros(1, 1)));
        assertTrue(nmForward.getMessage().contains("N:M mult: W · x shapes do not fit: input (3, 1) needs 4 rows"),
                nmForward.getMessage());
    }
}
