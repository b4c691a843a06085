package rewire.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import rewire.sparse.DiagonalMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.tensor.Tensor;

class DiagonalProductsTest {
    private static final Parallel ONE = new Parallel(1);
    private static final DiagonalProducts PRODUCTS = new Kernels(new ScalarKernels(), null, ONE, "test").diagonal();
    // 3 x 2, diagonals 0 and 2: (0, 0) = 1, (1, 1) = 2, (2, 0) = 3, (0, 1) = 4
    private static final DiagonalMatrix W = new DiagonalMatrix(DiagonalPattern.of(3, 2, new int[] {0, 2}),
            new float[] {1, 2, 3, 4});

    @AfterAll
    static void close() {
        ONE.close();
    }

    @Test
    void productsOfASmallMatrixByHand() {
        Tensor x = Tensor.of(new float[] {1, 10}, 2, 1);
        Tensor y = Tensor.zeros(3, 1);
        PRODUCTS.mult(W, x, y);
        assertArrayEquals(new float[] {1 + 40, 20, 3}, y.data());
        Tensor dy = Tensor.of(new float[] {1, 2, 3}, 3, 1);
        Tensor dx = Tensor.zeros(2, 1);
        PRODUCTS.multTransA(W, dy, dx);
        assertArrayEquals(new float[] {1 + 9, 4 + 4}, dx.data());
        float[] dv = new float[4];
        PRODUCTS.sampledMultTransB(dy, x, W.pattern(), dv);
        // entries (0, 0), (1, 1), (2, 0), (0, 1): dy[r] * x[c]
        assertArrayEquals(new float[] {1, 20, 3, 10}, dv);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        IllegalArgumentException forward = assertThrows(IllegalArgumentException.class,
                () -> PRODUCTS.mult(W, Tensor.zeros(3, 4), Tensor.zeros(3, 4)));
        assertTrue(forward.getMessage().contains("input (3, 4) needs 2 rows"), forward.getMessage());
        IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
                () -> PRODUCTS.multAddBias(W, Tensor.zeros(2, 4), Tensor.zeros(2), Tensor.zeros(3, 4)));
        assertTrue(bias.getMessage().contains("bias (2,) needs one entry per row of W (3)"), bias.getMessage());
        IllegalArgumentException sampled = assertThrows(IllegalArgumentException.class,
                () -> PRODUCTS.sampledMultTransB(Tensor.zeros(3, 4), Tensor.zeros(2, 4), W.pattern(), new float[3]));
        assertTrue(sampled.getMessage().contains("out (3,) for 2 x 2 entries"), sampled.getMessage());
    }
}
