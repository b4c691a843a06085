package rewire.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import rewire.sparse.BlockMatrix;
import rewire.sparse.BlockPattern;
import rewire.tensor.Tensor;

class BlockProductsTest {
    private static final Parallel ONE = new Parallel(1);
    private static final BlockProducts PRODUCTS = new Kernels(new ScalarKernels(), null, ONE, "test").block();
    // 4 x 4 in 2 x 2 blocks: block (0, 1) = [1 2; 3 4], block (1, 0) = [5 6; 7 8]
    //   W = [0 0 1 2; 0 0 3 4; 5 6 0 0; 7 8 0 0]
    private static final BlockMatrix W = new BlockMatrix(
            BlockPattern.of(4, 4, 2, 2, new int[] {0, 1, 2}, new int[] {1, 0}), new float[] {1, 2, 3, 4, 5, 6, 7, 8});

    @AfterAll
    static void close() {
        ONE.close();
    }

    @Test
    void productsOfASmallMatrixByHand() {
        Tensor x = Tensor.of(new float[] {1, 10, 100, 1000}, 4, 1);
        Tensor y = Tensor.zeros(4, 1);
        PRODUCTS.mult(W, x, y);
        assertArrayEquals(new float[] {2100, 4300, 65, 87}, y.data());
        Tensor bias = Tensor.of(new float[] {-3000, 0, 0, -100}, 4);
        PRODUCTS.multAddBiasRelu(W, x, bias, y);
        assertArrayEquals(new float[] {0, 4300, 65, 0}, y.data());
        Tensor dy = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1);
        Tensor dx = Tensor.zeros(4, 1);
        PRODUCTS.multTransA(W, dy, dx);
        // Wᵀ = [0 0 5 7; 0 0 6 8; 1 3 0 0; 2 4 0 0]
        assertArrayEquals(new float[] {15 + 28, 18 + 32, 1 + 6, 2 + 8}, dx.data());
        float[] dv = new float[8];
        PRODUCTS.sampledMultTransB(dy, x, W.pattern(), dv);
        // block (0, 1): dy[0..1] x[2..3]ᵀ, block (1, 0): dy[2..3] x[0..1]ᵀ
        assertArrayEquals(new float[] {100, 1000, 200, 2000, 3, 30, 4, 40}, dv);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        IllegalArgumentException forward = assertThrows(IllegalArgumentException.class,
                () -> PRODUCTS.mult(W, Tensor.zeros(3, 4), Tensor.zeros(4, 4)));
        assertTrue(forward.getMessage().contains("input (3, 4) needs 4 rows"), forward.getMessage());
        IllegalArgumentException transposed = assertThrows(IllegalArgumentException.class,
                () -> PRODUCTS.multTransA(W, Tensor.zeros(4, 4), Tensor.zeros(4, 5)));
        assertTrue(transposed.getMessage().contains("input (4, 4)") && transposed.getMessage().contains("output (4, 5)"),
                transposed.getMessage());
        IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
                () -> PRODUCTS.multAddBias(W, Tensor.zeros(4, 4), Tensor.zeros(2), Tensor.zeros(4, 4)));
        assertTrue(bias.getMessage().contains("bias (2,) needs one entry per row of W (4)"), bias.getMessage());
        IllegalArgumentException sampled = assertThrows(IllegalArgumentException.class,
                () -> PRODUCTS.sampledMultTransB(Tensor.zeros(4, 4), Tensor.zeros(4, 4), W.pattern(), new float[3]));
        assertTrue(sampled.getMessage().contains("out (3,) for 2 blocks of 4 = 8 entries"), sampled.getMessage());
    }
}
