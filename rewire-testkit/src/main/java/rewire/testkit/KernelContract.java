package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rewire.testkit.ContractChecks.assertMatchesOracle;
import static rewire.testkit.ContractChecks.assertRowRange;
import static rewire.testkit.ContractChecks.assertThreadCountInvariant;
import static rewire.testkit.ContractChecks.rowsOfWidth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.kernel.Parallel;
import rewire.kernel.ScalarKernels;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.testkit.KernelCases.GemmCase;
import rewire.testkit.KernelCases.SparseCase;
import rewire.testkit.KernelCases.SparseOperands;

/**
 * The contract every {@link KernelProvider} must meet, checked against {@link ScalarKernels}.
 * A provider's test extends this class and implements {@link #provider()}.
 *
 * <p>What it checks, on the sizes and pattern kinds of {@link KernelCases}:
 * <ul>
 * <li>every sparse op of the {@link Kernels} facade (feature-major and batch-major, with and
 *     without accumulation), dense GEMM in all four transpose combinations, and transpose, are
 *     within {@link FloatChecks#assertClose tolerance} of the scalar reference run through the
 *     same facade;
 * <li>results with 1, 2 and 3 threads are bitwise identical, including on shapes that provably
 *     split into several chunks;
 * <li>sparse ops equal the dense product with the masked dense weight;
 * <li>through the SPI directly: a call writes only the output rows of its range, and splitting
 *     the range does not change a bit; GEMM honours offsets and leading dimensions.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KernelContract {
    private final List<Parallel> pools = new ArrayList<>();
    private Kernels oracle;
    private Kernels kernels;

    /** The provider under test; may return the same instance on every call. */
    protected abstract KernelProvider provider();

    /** One op run through a {@link Kernels}; returns the op's output array. */
    record NamedRun<T>(String name, boolean exact, BiFunction<Kernels, T, float[]> body) {
    }

    @BeforeAll
    final void createKernels() {
        oracle = new Kernels(new ScalarKernels(), null, pool(1), "oracle");
        kernels = new Kernels(provider(), null, pool(1), "test");
    }

    @AfterAll
    final void closePools() {
        pools.forEach(Parallel::close);
    }

    static List<SparseCase> sparseCases() {
        return KernelCases.sparseCases();
    }

    static List<GemmCase> gemmCases() {
        return KernelCases.gemmCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseCases")
    void sparseOpsMatchScalarReference(SparseCase c) {
        SparseOperands operands = SparseOperands.of(c);
        SparseOperands abs = operands.abs();
        for (NamedRun<SparseOperands> run : SparseRuns.all()) {
            assertMatchesOracle(oracle, kernels, c + ": " + run.name(), operands, abs, run);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gemmCases")
    void denseGemmMatchesScalarReference(GemmCase g) {
        for (GemmRuns.Operands operands : GemmRuns.operands(g)) {
            GemmRuns.Operands abs = operands.abs();
            for (NamedRun<GemmRuns.Operands> run : GemmRuns.runs(operands)) {
                assertMatchesOracle(oracle, kernels, g + ": " + run.name(), operands, abs, run);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseCases")
    void sparseOpsEqualDenseOpsOnMaskedWeight(SparseCase c) {
        SparseOperands o = SparseOperands.of(c);
        SparseOperands abs = o.abs();
        Kernels k = kernels;
        Tensor wDense = Patterns.toDense(o.w());
        SparsityPattern p = o.w().pattern();

        // y (rows, B) = W · x
        Tensor y = Tensor.zeros(c.rows(), c.batch());
        k.gemm(false, false, wDense, o.x(), y, false);
        assertDenseEqualsSparse(c + ": W·x", y.data(), o, abs, SparseRuns.mult(false));

        // dx (cols, B) = Wᵀ · dy
        Tensor dx = Tensor.zeros(c.cols(), c.batch());
        k.gemm(true, false, wDense, o.dy(), dx, false);
        assertDenseEqualsSparse(c + ": Wᵀ·dy", dx.data(), o, abs, SparseRuns.multTransA(false));

        // dW (nnz,) = (dy (rows, B) · x (cols, B)ᵀ) at W's entries
        Tensor full = Tensor.zeros(c.rows(), c.cols());
        k.gemm(false, true, o.dy(), o.x(), full, false);
        float[] dw = Patterns.gather(full, p).values();
        assertDenseEqualsSparse(c + ": (dy·xᵀ)|W", dw, o, abs, SparseRuns.sampledMultTransB(false));

        // y (rows, B) = max(W · x + b · 1ᵀ, 0): a layer fused with its ReLU
        float[] b = SparseRuns.bias(o).data();
        Tensor yRelu = Tensor.zeros(c.rows(), c.batch());
        for (int i = 0; i < yRelu.size(); i++) {
            yRelu.data()[i] = b[i / c.batch()];
        }
        k.gemm(false, false, wDense, o.x(), yRelu, true);
        for (int i = 0; i < yRelu.size(); i++) {
            yRelu.data()[i] = Math.max(yRelu.data()[i], 0f);
        }
        assertDenseEqualsSparse(c + ": max(W·x + b, 0)", yRelu.data(), o, abs, SparseRuns.multAddBiasRelu());

        // dW = ((dy ⊙ [y0 > 0]) · xᵀ) at W's entries, and dy is left gated: the gradient through a ReLU
        Tensor gated = o.dy().copy();
        for (int i = 0; i < gated.size(); i++) {
            gated.data()[i] = o.y0().data()[i] > 0 ? gated.data()[i] : 0f;
        }
        k.gemm(false, true, gated, o.x(), full, false);
        assertDenseEqualsSparse(c + ": (dy⊙[y0>0]·xᵀ)|W", Patterns.gather(full, p).values(), o, abs,
                SparseRuns.sampledMultTransBGated(false));
        Tensor dyRun = o.dy().copy();
        k.sampledMultTransBGated(dyRun, o.y0(), o.x(), p, new float[p.nnz()], false);
        FloatChecks.assertBitwiseEqual(c + ": dy gated in place", gated.data(), dyRun.data());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseCases")
    void sparseSpiWritesOnlyItsRowsAndIgnoresChunking(SparseCase c) {
        KernelProvider p = provider();
        SparseOperands o = SparseOperands.of(c);
        SparsityPattern w = o.w().pattern();
        SparsityPattern wT = w.transposed().pattern();
        int[] sourceEntry = w.transposed().sourceEntry();
        float[] values = o.w().values();
        int n = c.batch();
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            // y (rows, B) (+)= W · x
            assertRowRange(c + ": spmm" + suffix, c.rows(), rowsOfWidth(c.rows(), n), o.y0().data(),
                    (out, from, to) -> p.spmm(w.rowPtr(), w.colIdx(), values, null, o.x().data(), out, null, n,
                            from, to, acc, false));
            // y (rows, B) = max(y (+) W · x, 0)
            assertRowRange(c + ": spmm relu" + suffix, c.rows(), rowsOfWidth(c.rows(), n), o.y0().data(),
                    (out, from, to) -> p.spmm(w.rowPtr(), w.colIdx(), values, null, o.x().data(), out, null, n,
                            from, to, acc, true));
            // dx (cols, B) (+)= Wᵀ · dy, values reached through sourceEntry
            assertRowRange(c + ": spmm transposed" + suffix, c.cols(), rowsOfWidth(c.cols(), n),
                    o.dx0().data(), (out, from, to) -> p.spmm(wT.rowPtr(), wT.colIdx(), values, sourceEntry,
                            o.dy().data(), out, null, n, from, to, acc, false));
            // dW (nnz,) (+)= (dy · xᵀ)|W
            assertRowRange(c + ": sddmm" + suffix, c.rows(), rowsOfEntries(w), o.dw0(),
                    (out, from, to) -> p.sddmm(w.rowPtr(), w.colIdx(), o.dy().data(), null, o.x().data(), n, out,
                            from, to, acc));
            // dW (nnz,) (+)= ((dy ⊙ [y0 > 0]) · xᵀ)|W, each call gating a fresh copy of dy
            assertRowRange(c + ": sddmm gated" + suffix, c.rows(), rowsOfEntries(w), o.dw0(),
                    (out, from, to) -> p.sddmm(w.rowPtr(), w.colIdx(), o.dy().data().clone(), o.y0().data(),
                            o.x().data(), n, out, from, to, acc));
        }
        // y (rows, B) = W · x + b · 1ᵀ: the bias starts each row
        float[] bias = RandomData.floats(new Rng(c.rows() * 31L + c.cols()), c.rows());
        assertRowRange(c + ": spmm with row start", c.rows(), rowsOfWidth(c.rows(), n), o.y0().data(),
                (out, from, to) -> p.spmm(w.rowPtr(), w.colIdx(), values, null, o.x().data(), out, bias, n,
                        from, to, false, false));
        // db (rows,) (+)= dy (rows, B) · 1
        for (boolean acc : new boolean[] {false, true}) {
            int[] ownRow = rowsOfWidth(c.rows(), 1);
            float[] initial = RandomData.floats(new Rng(c.rows()), c.rows());
            assertRowRange(c + ": rowSums" + (acc ? " accumulate" : ""), c.rows(), ownRow, initial,
                    (out, from, to) -> p.rowSums(o.dy().data(), n, out, from, to, acc));
        }
        // xᵀ (B, cols) = x (cols, B)ᵀ: source row r lands in column r of every destination row
        int[] sourceRowOfDst = new int[c.cols() * n];
        for (int i = 0; i < sourceRowOfDst.length; i++) {
            sourceRowOfDst[i] = i % c.cols();
        }
        assertRowRange(c + ": transpose", c.cols(), sourceRowOfDst, o.dx0().data(),
                (out, from, to) -> p.transpose(o.x().data(), c.cols(), n, out, from, to));
    }

    @Test
    void shiftedSumsMatchScalarReferenceAndWriteOnlyTheirRun() {
        KernelProvider p = provider();
        ScalarKernels reference = new ScalarKernels();
        Rng rng = new Rng(17);
        for (int n : SHIFTED_RUNS) {
            for (int nonzeros : new int[] {0, 1, 3, 7}) {
                int from = 2;
                int to = from + nonzeros;
                float[] w = RandomData.floats(rng, to + 1);
                int[] offset = shifts(rng, to + 1, 40);
                float[] x = RandomData.floats(rng, 3 + 40 + n);
                float[] y = RandomData.floats(rng, 5 + n + 9);
                float[] expected = y.clone();
                float[] actual = y.clone();
                reference.shiftedSums(w, offset, from, to, x, 3, expected, 5, n);
                p.shiftedSums(w, offset, from, to, x, 3, actual, 5, n);
                float[] terms = new float[y.length];
                for (int t = 0; t < n; t++) {
                    for (int e = from; e < to; e++) {
                        terms[5 + t] += Math.abs(w[e] * x[3 + offset[e] + t]);
                    }
                }
                String what = "shiftedSums n = " + n + ", " + nonzeros + " nonzeros";
                FloatChecks.assertClose(what, expected, actual, terms);
                for (int i = 0; i < y.length; i++) {
                    if (i < 5 || i >= 5 + n) {
                        assertEquals(y[i], actual[i], what + " wrote outside its run at " + i);
                    }
                }
            }
        }
    }

    @Test
    void shiftedDotsMatchTheExactSumsAndWriteOnlyTheirNonzeros() {
        KernelProvider p = provider();
        ScalarKernels reference = new ScalarKernels();
        Rng rng = new Rng(19);
        for (int n : SHIFTED_RUNS) {
            for (int nonzeros : new int[] {0, 1, 4, 6, 9}) {
                for (int images : new int[] {1, 3}) {
                    int aStride = n + 5;
                    int xStride = n + 41;
                    int from = 1;
                    int to = from + nonzeros;
                    int[] offset = shifts(rng, to + 2, 40);
                    float[] a = RandomData.floats(rng, 2 + images * aStride);
                    float[] x = RandomData.floats(rng, 4 + images * xStride);
                    float[] start = RandomData.floats(rng, to + 2);
                    float[] got = start.clone();
                    float[] scalar = start.clone();
                    p.shiftedDots(a, 2, aStride, x, 4, xStride, images, offset, from, to, n, got);
                    reference.shiftedDots(a, 2, aStride, x, 4, xStride, images, offset, from, to, n, scalar);
                    String what = "shiftedDots n = " + n + ", " + nonzeros + " nonzeros, " + images + " images";
                    for (int e = 0; e < start.length; e++) {
                        if (e < from || e >= to) {
                            assertEquals(start[e], got[e], what + " wrote outside its nonzeros at " + e);
                            continue;
                        }
                        double exact = start[e];
                        for (int b = 0; b < images; b++) {
                            for (int t = 0; t < n; t++) {
                                exact += (double) a[2 + b * aStride + t] * x[4 + b * xStride + offset[e] + t];
                            }
                        }
                        double tolerance = 1e-4 * (1 + Math.sqrt(images * n));
                        assertEquals(exact, got[e], tolerance, what + ", nonzero " + e);
                        assertEquals(scalar[e], got[e], tolerance, what + ", nonzero " + e + " against the scalar reference");
                    }
                }
            }
        }
    }

    @Test
    void maxPoolingMatchesTheScalarRuleExactlyWithTiesZerosAndNaN() {
        KernelProvider p = provider();
        ScalarKernels reference = new ScalarKernels();
        Rng rng = new Rng(23);
        int[][] shapes = {{2, 2}, {4, 6}, {5, 7}, {14, 14}, {28, 28}, {3, 34}};
        for (int[] shape : shapes) {
            int height = shape[0];
            int width = shape[1];
            int planes = 5;
            int outputs = (height / 2) * (width / 2);
            float[] x = new float[planes * height * width];
            for (int i = 0; i < x.length; i++) {
                // a ReLU's output: half zeros (ties), a few repeated values, rare -0.0, NaN and infinities
                int kind = rng.nextInt(40);
                x[i] = kind < 20 ? 0f : kind < 26 ? 1.5f : kind == 26 ? -0f : kind == 27 ? Float.NaN
                        : kind == 28 ? Float.POSITIVE_INFINITY : (float) rng.nextGaussian();
            }
            float[] y = new float[planes * outputs];
            int[] argmax = new int[y.length];
            float[] yRef = new float[y.length];
            int[] argmaxRef = new int[y.length];
            reference.maxPool2x2(x, height, width, yRef, argmaxRef, 0, planes);
            p.maxPool2x2(x, height, width, y, argmax, 1, planes - 1);
            for (int o = 0; o < y.length; o++) {
                String what = "maxPool2x2 " + height + "x" + width + ", output " + o;
                if (o < outputs || o >= (planes - 1) * outputs) {
                    assertEquals(0f, y[o], what + ": the first and last planes are outside the range");
                    assertEquals(0, argmax[o], what + ": the first and last planes are outside the range");
                    continue;
                }
                assertEquals(Float.floatToRawIntBits(yRef[o]), Float.floatToRawIntBits(y[o]), what);
                assertEquals(argmaxRef[o], argmax[o], what + " argmax");
            }
        }
        // the scalar rule itself on one window: the first of equal corners, NaN wins at the last corner
        float[] ties = {0f, 2f, 2f, 1f};
        float[] nan = {1f, Float.NaN, 3f, 0f};
        float[] out = new float[1];
        int[] at = new int[1];
        reference.maxPool2x2(ties, 2, 2, out, at, 0, 1);
        assertEquals(1, at[0], "the first of two equal maxima in row-major order");
        reference.maxPool2x2(nan, 2, 2, out, at, 0, 1);
        assertEquals(3, at[0], "a NaN maximum points at the bottom-right corner");
        assertEquals(Float.NaN, out[0], "NaN wins as in Math.max");
    }

    // run lengths around the vector widths and blocks of 4 vectors (16 floats with AVX-512), and the small CNN's 248
    private static final int[] SHIFTED_RUNS = {0, 1, 7, 8, 15, 16, 17, 33, 63, 64, 65, 100, 248, 1001};

    // count offsets in [0, bound), unordered and with repeats, as a kernel's shifts are
    private static int[] shifts(Rng rng, int count, int bound) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = rng.nextInt(bound);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gemmCases")
    void gemmSpiHonoursRowBlocksOffsetsAndLeadingDimensions(GemmCase g) {
        KernelProvider p = provider();
        Rng rng = new Rng(g.m() * 7919L + g.n() * 31L + g.k());
        for (GemmRuns.Operands o : GemmRuns.operands(g)) {
            for (boolean acc : new boolean[] {false, true}) {
                StridedGemmCheck.Problem problem = o.problem(acc);
                StridedGemmCheck.assertMatchesScalar(p, problem, rng);
                int lda = o.a().cols();
                int ldb = o.b().cols();
                boolean transA = o.transA();
                boolean transB = o.transB();
                assertRowRange(problem + " row blocks", g.m(), rowsOfWidth(g.m(), g.n()), o.c0().data(),
                        (out, from, to) -> p.gemm(transA, transB, to - from, g.n(), g.k(), o.a().data(),
                                transA ? from : from * lda, lda, o.b().data(), 0, ldb, out, from * g.n(), g.n(), acc));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseCases")
    void sparseResultsAreBitwiseIdenticalForOneTwoAndThreeThreads(SparseCase c) {
        // the large cases must really run in several chunks; transposing them still fits in one
        boolean large = KernelCases.largeSparseCases().contains(c);
        SparseOperands o = SparseOperands.of(c);
        for (NamedRun<SparseOperands> run : SparseRuns.all()) {
            assertThreadCountInvariant(provider(), c + ": " + run.name(), o, run, large && !run.exact());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gemmCases")
    void gemmResultsAreBitwiseIdenticalForOneTwoAndThreeThreads(GemmCase g) {
        boolean large = g.equals(KernelCases.largeGemmCase());
        for (GemmRuns.Operands o : GemmRuns.operands(g)) {
            for (NamedRun<GemmRuns.Operands> run : GemmRuns.runs(o)) {
                assertThreadCountInvariant(provider(), g + ": " + run.name(), o, run, large);
            }
        }
    }

    // ---------------------------------------------------------------- checks

    private void assertDenseEqualsSparse(String what, float[] dense, SparseOperands o, SparseOperands abs,
                                         NamedRun<SparseOperands> sparseRun) {
        float[] sparse = sparseRun.body().apply(kernels, o);
        float[] absTermSums = sparseRun.body().apply(oracle, abs);
        FloatChecks.assertClose(what + ": sparse vs dense on the masked weight", dense, sparse, absTermSums);
    }

    private static int[] rowsOfEntries(SparsityPattern p) {
        int[] owner = new int[p.nnz()];
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                owner[e] = r;
            }
        }
        return owner;
    }

    private Parallel pool(int threads) {
        Parallel p = new Parallel(threads);
        pools.add(p);
        return p;
    }
}
