package rewire.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static rewire.simd.Oracle.abs;
import static rewire.simd.Oracle.assertClose;
import static rewire.simd.Oracle.gaussian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * {@link VectorKernels} against the {@link ScalarKernels} reference on every size of
 * {@link Oracle#SIZES} in every role (rows, columns, batch) and every density of
 * {@link Oracle#DENSITIES}, with and without accumulation, in the forward and in the
 * transposed-pattern form; and bitwise invariance under splits of the row range.
 */
class VectorKernelsTest {
    private final KernelProvider vector = new VectorKernels();
    private final KernelProvider scalar = new ScalarKernels();

    /**
     * (rows, cols, batch): each size once in each role, a batch sweep, a layer-like shape, an
     * empty batch, and a long batch (several register-block passes and a masked tail) streamed
     * from 702 rows, in the forward and, through the transposed pattern, in the other form.
     */
    static List<int[]> shapes() {
        int[] s = Oracle.SIZES;
        List<int[]> shapes = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            shapes.add(new int[] {s[i], s[(i + 3) % s.length], s[(i + 6) % s.length]});
            shapes.add(new int[] {31, 100, s[i]});
        }
        shapes.add(new int[] {100, 207, 128});
        shapes.add(new int[] {13, 7, 0});
        shapes.add(new int[] {13, 702, 702});
        shapes.add(new int[] {702, 13, 702});
        return shapes;
    }

    static Stream<Arguments> sparseCases() {
        return shapes().stream().flatMap(shape -> Arrays.stream(Oracle.DENSITIES)
                .mapToObj(d -> Arguments.of(shape[0], shape[1], shape[2], d)));
    }

    @ParameterizedTest(name = "{0} x {1}, batch {2}, density {3} (-1: one entry)")
    @MethodSource("sparseCases")
    void spmmMatchesScalar(int rows, int cols, int n, double density) {
        Rng rng = new Rng(Objects.hash(rows, cols, n, density));
        SparsityPattern p = Oracle.pattern(rows, cols, density, rng);
        float[] values = gaussian(p.nnz(), rng);
        SparsityPattern.Transposed t = p.transposed();
        for (boolean accumulate : new boolean[] {false, true}) {
            checkSpmm(p, values, null, n, accumulate, rng, "W · x");
            checkSpmm(t.pattern(), values, t.sourceEntry(), n, accumulate, rng, "Wᵀ · dy");
        }
    }

    private void checkSpmm(SparsityPattern p, float[] values, int[] valueIndex, int n, boolean accumulate,
                           Rng rng, String what) {
        float[] x = gaussian(p.cols() * n, rng);
        float[] y0 = gaussian(p.rows() * n, rng);
        float[] expected = y0.clone();
        float[] actual = y0.clone();
        float[] magnitude = abs(y0);
        int[] ptr = p.rowPtr();
        int[] idx = p.colIdx();
        scalar.spmm(ptr, idx, values, valueIndex, x, expected, n, 0, p.rows(), accumulate);
        vector.spmm(ptr, idx, values, valueIndex, x, actual, n, 0, p.rows(), accumulate);
        scalar.spmm(ptr, idx, abs(values), valueIndex, abs(x), magnitude, n, 0, p.rows(), accumulate);
        assertClose(expected, actual, magnitude, p.cols() + 1, what + (accumulate ? " accumulated" : ""));
    }

    @ParameterizedTest(name = "{0} x {1}, batch {2}, density {3} (-1: one entry)")
    @MethodSource("sparseCases")
    void sddmmMatchesScalar(int rows, int cols, int n, double density) {
        Rng rng = new Rng(Objects.hash(rows, cols, n, density) + 1);
        SparsityPattern p = Oracle.pattern(rows, cols, density, rng);
        float[] a = gaussian(rows * n, rng);
        float[] b = gaussian(cols * n, rng);
        for (boolean accumulate : new boolean[] {false, true}) {
            float[] out0 = gaussian(p.nnz(), rng);
            float[] expected = out0.clone();
            float[] actual = out0.clone();
            float[] magnitude = abs(out0);
            scalar.sddmm(p.rowPtr(), p.colIdx(), a, b, n, expected, 0, rows, accumulate);
            vector.sddmm(p.rowPtr(), p.colIdx(), a, b, n, actual, 0, rows, accumulate);
            scalar.sddmm(p.rowPtr(), p.colIdx(), abs(a), abs(b), n, magnitude, 0, rows, accumulate);
            assertClose(expected, actual, magnitude, n + 1, "(a · bᵀ)|pattern" + (accumulate ? " accumulated" : ""));
        }
    }

    @ParameterizedTest(name = "{0} x {1}, batch {2}, density {3} (-1: one entry)")
    @MethodSource("sparseCases")
    void sparseKernelsAreBitwiseTheSameForAnyRowSplit(int rows, int cols, int n, double density) {
        Rng rng = new Rng(Objects.hash(rows, cols, n, density) + 2);
        SparsityPattern p = Oracle.pattern(rows, cols, density, rng);
        float[] values = gaussian(p.nnz(), rng);
        float[] x = gaussian(cols * n, rng);
        float[] a = gaussian(rows * n, rng);
        int[] splits = splits(rows, rng);
        float[] whole = new float[rows * n];
        float[] pieces = new float[rows * n];
        vector.spmm(p.rowPtr(), p.colIdx(), values, null, x, whole, n, 0, rows, false);
        for (int s = 0; s + 1 < splits.length; s++) {
            vector.spmm(p.rowPtr(), p.colIdx(), values, null, x, pieces, n, splits[s], splits[s + 1], false);
        }
        assertArrayEquals(whole, pieces, "spmm split at " + Arrays.toString(splits));
        float[] dots = new float[p.nnz()];
        float[] dotPieces = new float[p.nnz()];
        vector.sddmm(p.rowPtr(), p.colIdx(), a, x, n, dots, 0, rows, false);
        for (int s = 0; s + 1 < splits.length; s++) {
            vector.sddmm(p.rowPtr(), p.colIdx(), a, x, n, dotPieces, splits[s], splits[s + 1], false);
        }
        assertArrayEquals(dots, dotPieces, "sddmm split at " + Arrays.toString(splits));
    }

    @ParameterizedTest(name = "{0} x {1}, batch {2}, density {3} (-1: one entry)")
    @MethodSource("sparseCases")
    void kernelsWriteOnlyTheirRows(int rows, int cols, int n, double density) {
        Rng rng = new Rng(Objects.hash(rows, cols, n, density) + 3);
        SparsityPattern p = Oracle.pattern(rows, cols, density, rng);
        int from = rng.nextInt(rows + 1);
        int to = from + rng.nextInt(rows - from + 1);
        float[] y = new float[rows * n];
        Arrays.fill(y, Float.NaN);
        vector.spmm(p.rowPtr(), p.colIdx(), gaussian(p.nnz(), rng), null, gaussian(cols * n, rng), y, n, from, to, false);
        for (int i = 0; i < y.length; i++) {
            int row = i / n;
            if ((row >= from && row < to) == Float.isNaN(y[i])) {
                throw new AssertionError("spmm over rows [" + from + ", " + to + ") left y[" + i + "] = " + y[i]);
            }
        }
    }

    // Sorted split points 0 = s0 <= s1 <= ... <= rows, some of them repeated (empty ranges).
    private static int[] splits(int rows, Rng rng) {
        int cuts = 1 + rng.nextInt(5);
        int[] s = new int[cuts + 2];
        for (int i = 1; i <= cuts; i++) {
            s[i] = rng.nextInt(rows + 1);
        }
        s[cuts + 1] = rows;
        Arrays.sort(s);
        return s;
    }
}
