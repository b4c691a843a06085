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
import rewire.sparse.FanInMatrix;
import rewire.sparse.FanInPattern;
import rewire.sparse.Patterns;
import rewire.tensor.Tensor;
import rewire.testkit.FanInCases.FanInCase;
import rewire.testkit.FanInCases.FanInOperands;
import rewire.testkit.FanInRuns.FanInRun;

/**
 * The contract of a provider's constant fan-in kernels ({@link KernelProvider#fanInMult},
 * {@link KernelProvider#fanInSampledMult}), which serve the fan-in and the N:M formats, the
 * counterpart of {@link KernelContract}. A provider's test extends this class and implements
 * {@link #provider()}.
 *
 * <p>On the shapes of {@link FanInCases}, through {@link Kernels#fanIn()} or {@link Kernels#nm()}:
 * <ul>
 * <li>every product is within tolerance of the scalar reference, and of the CSR products of the
 *     reference on the same matrix in CSR form;
 * <li>forward, input gradient and weight gradient equal the dense products with the matrix
 *     assembled from {@code toCsr()};
 * <li>1, 2 and 3 threads give the same bits, the large shapes in several chunks;
 * <li>through the SPI: a call writes only the outputs of its rows, and splitting the range does
 *     not change a bit.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FanInKernelContract {
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

    static List<FanInCase> cases() {
        return FanInCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsMatchTheScalarReference(FanInCase c) {
        FanInOperands o = FanInOperands.of(c);
        FanInOperands abs = o.abs();
        for (FanInRun run : FanInRuns.all()) {
            assertMatchesOracle(oracle, kernels, c + ": " + run.name(), o, abs, run.onFormat());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsMatchTheCsrKernelsOnTheSamePattern(FanInCase c) {
        FanInOperands o = FanInOperands.of(c);
        FanInOperands abs = o.abs();
        for (FanInRun run : FanInRuns.all()) {
            float[] csr = run.csr().apply(oracle, o);
            float[] got = run.format().apply(kernels, o);
            FloatChecks.assertClose(c + ": " + run.name() + " vs the CSR kernels", csr, got, run.csr().apply(oracle, abs));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsEqualDenseProductsWithTheAssembledMatrix(FanInCase c) {
        FanInOperands o = FanInOperands.of(c);
        FanInOperands abs = o.abs();
        Tensor dense = Patterns.toDense(o.w().toCsr());
        // y (rows, B) = W · x
        Tensor y = Tensor.zeros(c.rows(), c.batch());
        oracle.gemm(false, false, dense, o.x(), y, false);
        assertDense(c + ": W·x", y.data(), o, abs, (k, op) -> {
            Tensor out = Tensor.zeros(c.rows(), c.batch());
            op.format().mult(k, op.x(), out, false);
            return out.data();
        });
        // dx (cols, B) = Wᵀ · dy
        Tensor dx = Tensor.zeros(c.cols(), c.batch());
        oracle.gemm(true, false, dense, o.dy(), dx, false);
        assertDense(c + ": Wᵀ·dy", dx.data(), o, abs, (k, op) -> {
            Tensor out = Tensor.zeros(c.cols(), c.batch());
            op.format().multTransA(k, op.dy(), out, false);
            return out.data();
        });
        // dV (rows, k) = (dy · xᵀ) at each entry
        Tensor full = Tensor.zeros(c.rows(), c.cols());
        oracle.gemm(false, true, o.dy(), o.x(), full, false);
        FanInPattern p = o.w().pattern();
        float[] dv = new float[p.nnz()];
        for (int r = 0; r < p.rows(); r++) {
            for (int t = 0; t < p.k(); t++) {
                dv[r * p.k() + t] = full.get(r, p.col(r, t));
            }
        }
        assertDense(c + ": (dy·xᵀ) on the entries", dv, o, abs, (k, op) -> {
            float[] out = new float[op.w().nnz()];
            op.format().sampledMultTransB(k, op.dy(), op.x(), out, false);
            return out;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resultsAreBitwiseIdenticalForOneTwoAndThreeThreads(FanInCase c) {
        boolean large = FanInCases.large().contains(c);
        FanInOperands o = FanInOperands.of(c);
        for (FanInRun run : FanInRuns.all()) {
            assertThreadCountInvariant(provider(), c + ": " + run.name(), o, run.onFormat(), large);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void spiWritesOnlyItsRowsAndIgnoresChunking(FanInCase c) {
        KernelProvider p = provider();
        FanInOperands o = FanInOperands.of(c);
        FanInMatrix w = o.w();
        int[] colIdx = w.pattern().colIdx();
        int k = w.pattern().k();
        int n = c.batch();
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            for (boolean relu : new boolean[] {false, true}) {
                // y (rows, B) = max?(y (+) W · x)
                assertRowRange(c + ": fanInMult" + (relu ? " relu" : "") + suffix, c.rows(), rowsOfWidth(c.rows(), n),
                        o.y0().data(), (out, from, to) -> p.fanInMult(k, colIdx, w.values(), o.x().data(), out, null,
                                n, from, to, acc, relu));
            }
            // dV (rows, k) (+)= (dy · xᵀ) on the entries
            assertRowRange(c + ": fanInSampledMult" + suffix, c.rows(), rowsOfWidth(c.rows(), k), o.dv0(),
                    (out, from, to) -> p.fanInSampledMult(k, colIdx, o.dy().data(), o.x().data(), n, out, from, to,
                            acc));
        }
        // y (rows, B) = W · x + b · 1ᵀ: the bias starts each row
        assertRowRange(c + ": fanInMult with row start", c.rows(), rowsOfWidth(c.rows(), n), o.y0().data(),
                (out, from, to) -> p.fanInMult(k, colIdx, w.values(), o.x().data(), out, o.bias().data(), n, from, to,
                        false, false));
    }

    // the product on the kernels under test equals the dense one, within the tolerance of its terms
    private void assertDense(String what, float[] dense, FanInOperands o, FanInOperands abs,
                             BiFunction<Kernels, FanInOperands, float[]> format) {
        FloatChecks.assertClose(what + ": fan-in kernels vs dense on the assembled matrix", dense,
                format.apply(kernels, o), format.apply(oracle, abs));
    }
}
