package rewire.testkit;

import static rewire.testkit.ContractChecks.assertMatchesOracle;
import static rewire.testkit.ContractChecks.assertRowRange;
import static rewire.testkit.ContractChecks.assertThreadCountInvariant;
import static rewire.testkit.ContractChecks.rowsOfWidth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.kernel.Parallel;
import rewire.kernel.ScalarKernels;
import rewire.sparse.DiagonalMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.Patterns;
import rewire.tensor.Tensor;
import rewire.testkit.DiagonalCases.DiagonalCase;
import rewire.testkit.DiagonalCases.DiagonalOperands;
import rewire.testkit.DiagonalRuns.DiagonalRun;

/**
 * The contract of a provider's diagonal-format kernels ({@link KernelProvider#diagonalMult},
 * {@link KernelProvider#diagonalSampledMult}), the diagonal counterpart of {@link KernelContract}.
 * A provider's test extends this class and implements {@link #provider()}.
 *
 * <p>On the shapes of {@link DiagonalCases}, through the {@link Kernels#diagonal()} facade:
 * <ul>
 * <li>every product is within tolerance of the scalar reference, and of the CSR products of the
 *     reference on the same matrix in CSR form;
 * <li>forward, input gradient and weight gradient equal the dense products with the matrix
 *     assembled from its diagonals (with every diagonal: a dense matmul, METHODS F.5);
 * <li>1, 2 and 3 threads give the same bits, the large shapes in several chunks;
 * <li>through the SPI: a call writes only the outputs of its range, and splitting the range does
 *     not change a bit.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DiagonalKernelContract {
    private final List<Parallel> pools = new ArrayList<>();
    private Kernels oracle;
    private Kernels kernels;

    /** The provider under test; may return the same instance on every call. */
    protected abstract KernelProvider provider();

    @BeforeAll
    final void createKernels() {
        pools.add(new Parallel(1));
        oracle = new Kernels(new ScalarKernels(), null, pools.getFirst(), "oracle");
        kernels = new Kernels(provider(), null, pools.getFirst(), "test");
    }

    @AfterAll
    final void closePools() {
        pools.forEach(Parallel::close);
    }

    static List<DiagonalCase> cases() {
        return DiagonalCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsMatchTheScalarReference(DiagonalCase c) {
        DiagonalOperands o = DiagonalOperands.of(c);
        DiagonalOperands abs = o.abs();
        for (DiagonalRun run : DiagonalRuns.all()) {
            assertMatchesOracle(oracle, kernels, c + ": " + run.name(), o, abs, run.onDiagonals());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsMatchTheCsrKernelsOnTheSamePattern(DiagonalCase c) {
        DiagonalOperands o = DiagonalOperands.of(c);
        DiagonalOperands abs = o.abs();
        for (DiagonalRun run : DiagonalRuns.all()) {
            float[] csr = run.csr().apply(oracle, o);
            float[] got = run.diagonal().apply(kernels, o);
            FloatChecks.assertClose(c + ": " + run.name() + " vs the CSR kernels", csr, got, run.csr().apply(oracle, abs));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsEqualDenseProductsWithTheAssembledMatrix(DiagonalCase c) {
        DiagonalOperands o = DiagonalOperands.of(c);
        DiagonalOperands abs = o.abs();
        Tensor dense = Patterns.toDense(o.w().toCsr());
        // y (rows, B) = W · x
        Tensor y = Tensor.zeros(c.rows(), c.batch());
        oracle.gemm(false, false, dense, o.x(), y, false);
        assertDense(c + ": W·x", y.data(), o, abs, (k, op) -> {
            Tensor out = Tensor.zeros(c.rows(), c.batch());
            k.diagonal().mult(op.w(), op.x(), out);
            return out.data();
        });
        // dx (cols, B) = Wᵀ · dy
        Tensor dx = Tensor.zeros(c.cols(), c.batch());
        oracle.gemm(true, false, dense, o.dy(), dx, false);
        assertDense(c + ": Wᵀ·dy", dx.data(), o, abs, (k, op) -> {
            Tensor out = Tensor.zeros(c.cols(), c.batch());
            k.diagonal().multTransA(op.w(), op.dy(), out);
            return out.data();
        });
        // dV (K, D) = (dy · xᵀ) at each diagonal position
        Tensor full = Tensor.zeros(c.rows(), c.cols());
        oracle.gemm(false, true, o.dy(), o.x(), full, false);
        DiagonalPattern p = o.w().pattern();
        float[] dv = new float[p.nnz()];
        for (int k = 0; k < p.count(); k++) {
            for (int i = 0; i < p.length(); i++) {
                dv[k * p.length() + i] = full.get(p.row(k, i), p.col(k, i));
            }
        }
        assertDense(c + ": (dy·xᵀ) on the diagonals", dv, o, abs, (k, op) -> {
            float[] out = new float[op.w().nnz()];
            k.diagonal().sampledMultTransB(op.dy(), op.x(), op.w().pattern(), out);
            return out;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resultsAreBitwiseIdenticalForOneTwoAndThreeThreads(DiagonalCase c) {
        boolean large = DiagonalCases.large().contains(c);
        DiagonalOperands o = DiagonalOperands.of(c);
        for (DiagonalRun run : DiagonalRuns.all()) {
            assertThreadCountInvariant(provider(), c + ": " + run.name(), o, run.onDiagonals(), large);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void spiWritesOnlyItsRowsAndIgnoresChunking(DiagonalCase c) {
        KernelProvider p = provider();
        DiagonalOperands o = DiagonalOperands.of(c);
        DiagonalMatrix w = o.w();
        int[] diagonals = w.pattern().diagonals();
        int n = c.batch();
        int d = w.pattern().length();
        int[] positionOfEntry = new int[w.nnz()];
        for (int e = 0; e < positionOfEntry.length; e++) {
            positionOfEntry[e] = e % d;
        }
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            for (boolean relu : new boolean[] {false, true}) {
                // y (rows, B) = max?(y (+) W · x)
                assertRowRange(c + ": diagonalMult" + (relu ? " relu" : "") + suffix, c.rows(),
                        rowsOfWidth(c.rows(), n), o.y0().data(), (out, from, to) -> p.diagonalMult(c.rows(), c.cols(),
                                diagonals, w.values(), false, o.x().data(), out, null, n, from, to, acc, relu));
            }
            // dx (cols, B) (+)= Wᵀ · dy
            assertRowRange(c + ": diagonalMult transposed" + suffix, c.cols(), rowsOfWidth(c.cols(), n),
                    o.dx0().data(), (out, from, to) -> p.diagonalMult(c.rows(), c.cols(), diagonals, w.values(), true,
                            o.dy().data(), out, null, n, from, to, acc, false));
            // dV (K, D) (+)= (dy · xᵀ) on the diagonals, ranges along the diagonals
            assertRowRange(c + ": diagonalSampledMult" + suffix, d, positionOfEntry, o.dv0(),
                    (out, from, to) -> p.diagonalSampledMult(c.rows(), c.cols(), diagonals, o.dy().data(),
                            o.x().data(), n, out, from, to, acc));
        }
        // y (rows, B) = W · x + b · 1ᵀ: the bias starts each row
        assertRowRange(c + ": diagonalMult with row start", c.rows(), rowsOfWidth(c.rows(), n), o.y0().data(),
                (out, from, to) -> p.diagonalMult(c.rows(), c.cols(), diagonals, w.values(), false, o.x().data(), out,
                        o.bias().data(), n, from, to, false, false));
    }

    // the diagonal product on the kernels under test equals the dense one, within the tolerance of its terms
    private void assertDense(String what, float[] dense, DiagonalOperands o, DiagonalOperands abs,
                             BiFunction<Kernels, DiagonalOperands, float[]> diagonal) {
        FloatChecks.assertClose(what + ": diagonal kernels vs dense on the assembled matrix", dense,
                diagonal.apply(kernels, o), diagonal.apply(oracle, abs));
    }
}
