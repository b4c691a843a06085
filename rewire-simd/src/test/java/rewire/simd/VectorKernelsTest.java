package rewire.simd;

import static rewire.testkit.FloatChecks.abs;
import static rewire.testkit.FloatChecks.assertClose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.testkit.FloatChecks;
import rewire.testkit.KernelCases;
import rewire.testkit.RandomData;
import rewire.testkit.RandomData.PatternKind;

/**
 * Coverage beyond the shared {@link VectorKernelsContractTest}: the sparse kernels against the
 * {@link ScalarKernels} reference on every {@link PatternKind} (empty, one entry, 1%, 10%, 50%,
 * full, empty rows and columns) for every shape, where the contract gives each shape one kind;
 * and a batch sweep over all of {@link KernelCases#SIZES}, which at any vector width walks every
 * register-block path (8, 4, 2, 1 vectors and the masked tail). With and without accumulation,
 * forward ({@code W · x}) and through the transposed pattern ({@code Wᵀ · dy}).
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
        int[] s = KernelCases.SIZES;
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
        return shapes().stream().flatMap(shape -> Arrays.stream(PatternKind.values())
                .map(kind -> Arguments.of(shape[0], shape[1], shape[2], kind)));
    }

    @ParameterizedTest(name = "{0} x {1}, batch {2}, {3}")
    @MethodSource("sparseCases")
    void spmmMatchesScalar(int rows, int cols, int n, PatternKind kind) {
        Rng rng = new Rng(Objects.hash(rows, cols, n, kind.ordinal()));
        SparsityPattern p = RandomData.pattern(rng, rows, cols, kind);
        float[] values = RandomData.floats(rng, p.nnz());
        SparsityPattern.Transposed t = p.transposed();
        for (boolean accumulate : new boolean[] {false, true}) {
            checkSpmm(p, values, null, null, n, accumulate, false, rng, "W · x");
            checkSpmm(t.pattern(), values, t.sourceEntry(), null, n, accumulate, false, rng, "Wᵀ · dy");
            checkSpmm(p, values, null, null, n, accumulate, true, rng, "max(y (+) W · x, 0)");
        }
        checkSpmm(p, values, null, RandomData.floats(rng, rows), n, false, false, rng, "W · x + b");
        checkSpmm(p, values, null, RandomData.floats(rng, rows), n, false, true, rng, "max(W · x + b, 0)");
    }

    // y (rows, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S (rows, cols) · x (cols, n), S's values
    // through valueIndex when given; with relu each row is clamped at 0 last
    private void checkSpmm(SparsityPattern p, float[] values, int[] valueIndex, float[] rowStart, int n,
                           boolean accumulate, boolean relu, Rng rng, String what) {
        float[] x = RandomData.floats(rng, p.cols() * n);
        float[] y0 = RandomData.floats(rng, p.rows() * n);
        float[] expected = y0.clone();
        float[] actual = y0.clone();
        float[] absTermSums = abs(y0);
        int[] ptr = p.rowPtr();
        int[] idx = p.colIdx();
        float[] absStart = rowStart == null ? null : abs(rowStart);
        scalar.spmm(ptr, idx, values, valueIndex, x, expected, rowStart, n, 0, p.rows(), accumulate, relu);
        vector.spmm(ptr, idx, values, valueIndex, x, actual, rowStart, n, 0, p.rows(), accumulate, relu);
        scalar.spmm(ptr, idx, abs(values), valueIndex, abs(x), absTermSums, absStart, n, 0, p.rows(), accumulate,
                false);
        assertClose(what + (accumulate ? " accumulated" : ""), expected, actual, absTermSums);
    }

    // out (nnz,) (+)= (a (rows, n) · b (cols, n)ᵀ) at the pattern's entries
    @ParameterizedTest(name = "{0} x {1}, batch {2}, {3}")
    @MethodSource("sparseCases")
    void sddmmMatchesScalar(int rows, int cols, int n, PatternKind kind) {
        Rng rng = new Rng(Objects.hash(rows, cols, n, kind.ordinal()) + 1);
        SparsityPattern p = RandomData.pattern(rng, rows, cols, kind);
        float[] a = RandomData.floats(rng, rows * n);
        float[] b = RandomData.floats(rng, cols * n);
        float[] gate = RandomData.floats(rng, rows * n);
        for (boolean accumulate : new boolean[] {false, true}) {
            for (float[] aGate : new float[][] {null, gate}) {
                float[] out0 = RandomData.floats(rng, p.nnz());
                float[] expected = out0.clone();
                float[] actual = out0.clone();
                float[] absTermSums = abs(out0);
                float[] aScalar = a.clone();
                float[] aVector = a.clone();
                scalar.sddmm(p.rowPtr(), p.colIdx(), aScalar, aGate, b, n, expected, 0, rows, accumulate);
                vector.sddmm(p.rowPtr(), p.colIdx(), aVector, aGate, b, n, actual, 0, rows, accumulate);
                scalar.sddmm(p.rowPtr(), p.colIdx(), abs(a), null, abs(b), n, absTermSums, 0, rows, accumulate);
                String what = (aGate == null ? "(a · bᵀ)|pattern" : "(a⊙[gate>0] · bᵀ)|pattern")
                        + (accumulate ? " accumulated" : "");
                assertClose(what, expected, actual, absTermSums);
                FloatChecks.assertBitwiseEqual(what + ": a after the call", aScalar, aVector);
            }
        }
    }

    // out (rows,) (+)= a (rows, n) · 1, rows longer than one chunk included
    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1, 1", "7, 0", "5, 3", "13, 17", "3, 128", "4, 1023", "2, 1025", "3, 2500"})
    void rowSumsMatchScalar(int rows, int n) {
        Rng rng = new Rng(Objects.hash(rows, n));
        float[] a = RandomData.floats(rng, rows * n);
        for (boolean accumulate : new boolean[] {false, true}) {
            float[] out0 = RandomData.floats(rng, rows);
            float[] expected = out0.clone();
            float[] actual = out0.clone();
            float[] absTermSums = abs(out0);
            scalar.rowSums(a, n, expected, 0, rows, accumulate);
            vector.rowSums(a, n, actual, 0, rows, accumulate);
            scalar.rowSums(abs(a), n, absTermSums, 0, rows, accumulate);
            assertClose("row sums" + (accumulate ? " accumulated" : ""), expected, actual, absTermSums);
        }
    }
}
