package rewire.testkit;

import static rewire.testkit.ContractChecks.assertMatchesOracle;
import static rewire.testkit.ContractChecks.assertRowRange;
import static rewire.testkit.ContractChecks.assertThreadCountInvariant;

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
import rewire.kernel.StructuredProducts;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;
import rewire.testkit.FormatAdapter.SpiCall;
import rewire.testkit.StructuredRuns.StructuredRun;

/**
 * The contract of a provider's structured-format kernels (diagonal, fan-in, N:M, block), the
 * counterpart of {@link KernelContract}, written once against {@link StructuredProducts}; each
 * format contributes its cases and a {@link FormatAdapter}. A provider's test extends this class
 * and implements {@link #provider()}.
 *
 * <p>On every format's cases, through the format's part of the {@link Kernels} facade:
 * <ul>
 * <li>every product is within tolerance of the scalar reference, and of the CSR products of the
 *     reference on the same matrix in CSR form;
 * <li>forward, input gradient and weight gradient equal the dense products with the matrix
 *     assembled from {@code toCsr()};
 * <li>1, 2 and 3 threads give the same bits, the large shapes in several chunks;
 * <li>through the SPI: a call writes only the outputs of its range, and splitting the range does
 *     not change a bit.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StructuredKernelContract {
    /** The formats under contract: a new format joins with its FormatAdapter and a line here. */
    static final List<FormatAdapter<?, ?>> FORMATS = List.of(new DiagonalFormat(), new FanInFormat(), new NmFormat(),
            new BlockFormat());

    private Parallel pool;
    private Kernels oracle;
    private Kernels kernels;

    /** The provider under test; may return the same instance on every call. */
    protected abstract KernelProvider provider();

    @BeforeAll
    final void createKernels() {
        pool = new Parallel(1);
        oracle = new Kernels(new ScalarKernels(), null, pool, "oracle");
        kernels = new Kernels(provider(), null, pool, "test");
    }

    @AfterAll
    final void closePool() {
        pool.close();
    }

    static List<StructuredCase<?, ?>> cases() {
        return FORMATS.stream().<StructuredCase<?, ?>>flatMap(f -> f.cases().stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <M, P> void productsMatchTheScalarReference(StructuredCase<M, P> c) {
        StructuredOperands<M> o = c.operands();
        StructuredOperands<M> abs = o.abs(c.format());
        for (StructuredRun<M> run : StructuredRuns.all(c.format())) {
            assertMatchesOracle(oracle, kernels, c + ": " + run.name(), o, abs, run.onFormat());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <M, P> void productsMatchTheCsrKernelsOnTheSamePattern(StructuredCase<M, P> c) {
        StructuredOperands<M> o = c.operands();
        StructuredOperands<M> abs = o.abs(c.format());
        for (StructuredRun<M> run : StructuredRuns.all(c.format())) {
            float[] csr = run.csr().apply(oracle, o);
            float[] got = run.format().apply(kernels, o);
            FloatChecks.assertClose(c + ": " + run.name() + " vs the CSR kernels", csr, got, run.csr().apply(oracle, abs));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <M, P> void productsEqualDenseProductsWithTheAssembledMatrix(StructuredCase<M, P> c) {
        FormatAdapter<M, P> f = c.format();
        StructuredOperands<M> o = c.operands();
        StructuredOperands<M> abs = o.abs(f);
        CsrMatrix csr = f.toCsr(o.w());
        Tensor dense = Patterns.toDense(csr);
        // y (rows, B) = W · x
        Tensor y = Tensor.zeros(c.rows(), c.batch());
        oracle.gemm(false, false, dense, o.x(), y, false);
        assertDense(c + ": W·x", y.data(), o, abs, (k, op) -> {
            Tensor out = Tensor.zeros(c.rows(), c.batch());
            f.products(k).mult(op.w(), op.x(), out, false);
            return out.data();
        });
        // dx (cols, B) = Wᵀ · dy
        Tensor dx = Tensor.zeros(c.cols(), c.batch());
        oracle.gemm(true, false, dense, o.dy(), dx, false);
        assertDense(c + ": Wᵀ·dy", dx.data(), o, abs, (k, op) -> {
            Tensor out = Tensor.zeros(c.cols(), c.batch());
            f.products(k).multTransA(op.w(), op.dy(), out, false);
            return out.data();
        });
        // dV (nnz,) = (dy · xᵀ) at each entry, read at the entry's place in CSR form
        Tensor full = Tensor.zeros(c.rows(), c.cols());
        oracle.gemm(false, true, o.dy(), o.x(), full, false);
        SparsityPattern p = csr.pattern();
        float[] csrDv = new float[p.nnz()];
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                csrDv[e] = full.get(r, p.colIdx()[e]);
            }
        }
        assertDense(c + ": (dy·xᵀ) on the entries", StructuredRuns.inEntryOrder(f.csrEntries(o.w()), csrDv), o, abs,
                (k, op) -> {
                    float[] out = new float[op.dv0().length];
                    f.products(k).sampledMultTransB(op.dy(), op.x(), f.pattern(op.w()), out, false);
                    return out;
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <M, P> void resultsAreBitwiseIdenticalForOneTwoAndThreeThreads(StructuredCase<M, P> c) {
        StructuredOperands<M> o = c.operands();
        for (StructuredRun<M> run : StructuredRuns.all(c.format())) {
            assertThreadCountInvariant(provider(), c + ": " + run.name(), o, run.onFormat(), c.large());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <M, P> void spiWritesOnlyItsRowsAndIgnoresChunking(StructuredCase<M, P> c) {
        FormatAdapter<M, P> f = c.format();
        KernelProvider p = provider();
        StructuredOperands<M> o = c.operands();
        M w = o.w();
        int n = c.batch();
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            for (boolean relu : new boolean[] {false, true}) {
                // y (rows, B) = max?(y (+) W · x)
                assertSpi(c + ": SPI mult" + (relu ? " relu" : "") + suffix, o.y0().data(),
                        f.mult(p, w, false, o.x().data(), null, n, acc, relu));
            }
            // dx (cols, B) (+)= Wᵀ · dy
            assertSpi(c + ": SPI mult transposed" + suffix, o.dx0().data(),
                    f.mult(p, w, true, o.dy().data(), null, n, acc, false));
            // dV (nnz,) (+)= (dy · xᵀ) on the entries
            assertSpi(c + ": SPI sampledMult" + suffix, o.dv0(), f.sampledMult(p, w, o.dy().data(), o.x().data(), n,
                    acc));
        }
        // y (rows, B) = W · x + b · 1ᵀ: the bias starts each row
        assertSpi(c + ": SPI mult with row start", o.y0().data(),
                f.mult(p, w, false, o.x().data(), o.bias().data(), n, false, false));
    }

    private static void assertSpi(String what, float[] initial, SpiCall spi) {
        assertRowRange(what, spi.ranges(), spi.rangeOfOutput(), initial, spi.call());
    }

    // the product on the kernels under test equals the dense one, within the tolerance of its terms
    private <M> void assertDense(String what, float[] dense, StructuredOperands<M> o, StructuredOperands<M> abs,
                                 BiFunction<Kernels, StructuredOperands<M>, float[]> product) {
        FloatChecks.assertClose(what + ": structured kernels vs dense on the assembled matrix", dense,
                product.apply(kernels, o), product.apply(oracle, abs));
    }
}
