package rewire.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;
import rewire.tensor.Rng;

/** The blocked transpose is exactly the reference transpose, whole and in row ranges. */
class TransposeTest {
    private final KernelProvider vector = new VectorKernels();
    private final KernelProvider scalar = new ScalarKernels();

    static IntStream sizeIndexes() {
        return IntStream.range(0, Oracle.SIZES.length);
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("sizeIndexes")
    void transposeEqualsReference(int i) {
        int rows = Oracle.SIZES[i];
        int cols = Oracle.SIZES[(i + 4) % Oracle.SIZES.length];
        Rng rng = new Rng(i);
        float[] src = Oracle.gaussian(rows * cols, rng);
        float[] expected = new float[rows * cols];
        float[] actual = new float[rows * cols];
        scalar.transpose(src, rows, cols, expected, 0, rows);
        int mid = rng.nextInt(rows + 1);
        vector.transpose(src, rows, cols, actual, 0, mid);
        vector.transpose(src, rows, cols, actual, mid, rows);
        assertArrayEquals(expected, actual, rows + " x " + cols + " split at row " + mid);
    }
}
