package rewire.testkit;

import static rewire.testkit.ContractChecks.assertMatchesOracle;
import static rewire.testkit.ContractChecks.assertRowRange;
import static rewire.testkit.ContractChecks.assertThreadCountInvariant;

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
import rewire.sparse.BlockMatrix;
import rewire.sparse.BlockPattern;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;
import rewire.testkit.BlockCases.BlockCase;
import rewire.testkit.BlockCases.BlockOperands;
import rewire.testkit.BlockRuns.BlockRun;

/**
 * The contract of a provider's block-format kernels ({@link KernelProvider#blockMult},
 * {@link KernelProvider#blockSampledMult}), the block counterpart of {@link KernelContract} and
 * {@link DiagonalKernelContract}. A provider's test extends this class and implements
 * {@link #provider()}.
 *
 * <p>On the shapes of {@link BlockCases}, through the {@link Kernels#block()} facade:
 * <ul>
 * <li>every product is within tolerance of the scalar reference, and of the CSR products of the
 *     reference on the same matrix in CSR form;
 * <li>forward, input gradient and weight gradient equal the dense products with the matrix
 *     assembled from its blocks ({@link BlockMatrix#toCsr()});
 * <li>1, 2 and 3 threads give the same bits, the large shapes in several chunks;
 * <li>through the SPI: a call writes only the outputs of its block rows, and splitting the range
 *     does not change a bit.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BlockKernelContract {
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

    static List<BlockCase> cases() {
        return BlockCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsMatchTheScalarReference(BlockCase c) {
        BlockOperands o = BlockOperands.of(c);
        BlockOperands abs = o.abs();
        for (BlockRun run : BlockRuns.all()) {
            assertMatchesOracle(oracle, kernels, c + ": " + run.name(), o, abs, run.onBlocks());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsMatchTheCsrKernelsOnTheSamePattern(BlockCase c) {
        BlockOperands o = BlockOperands.of(c);
        BlockOperands abs = o.abs();
        for (BlockRun run : BlockRuns.all()) {
            float[] csr = run.csr().apply(oracle, o);
            float[] got = run.block().apply(kernels, o);
            FloatChecks.assertClose(c + ": " + run.name() + " vs the CSR kernels", csr, got, run.csr().apply(oracle, abs));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productsEqualDenseProductsWithTheAssembledMatrix(BlockCase c) {
        BlockOperands o = BlockOperands.of(c);
        BlockOperands abs = o.abs();
        Tensor dense = Patterns.toDense(o.w().toCsr());
        // y (rows, B) = W · x
        Tensor y = Tensor.zeros(c.rows(), c.batch());
        oracle.gemm(false, false, dense, o.x(), y, false);
        assertDense(c + ": W·x", y.data(), o, abs, (k, op) -> {
            Tensor out = Tensor.zeros(c.rows(), c.batch());
            k.block().mult(op.w(), op.x(), out);
            return out.data();
        });
        // dx (cols, B) = Wᵀ · dy
        Tensor dx = Tensor.zeros(c.cols(), c.batch());
        oracle.gemm(true, false, dense, o.dy(), dx, false);
        assertDense(c + ": Wᵀ·dy", dx.data(), o, abs, (k, op) -> {
            Tensor out = Tensor.zeros(c.cols(), c.batch());
            k.block().multTransA(op.w(), op.dy(), out);
            return out.data();
        });
        // dV (blocks, br, bc) = (dy · xᵀ) at each block entry
        Tensor full = Tensor.zeros(c.rows(), c.cols());
        oracle.gemm(false, true, o.dy(), o.x(), full, false);
        BlockPattern p = o.w().pattern();
        float[] dv = new float[p.nnz()];
        for (int r = 0; r < c.rows(); r++) {
            for (int col = 0; col < c.cols(); col++) {
                int e = p.indexOf(r, col);
                if (e >= 0) {
                    dv[e] = full.get(r, col);
                }
            }
        }
        assertDense(c + ": (dy·xᵀ) on the blocks", dv, o, abs, (k, op) -> {
            float[] out = new float[op.w().nnz()];
            k.block().sampledMultTransB(op.dy(), op.x(), op.w().pattern(), out);
            return out;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resultsAreBitwiseIdenticalForOneTwoAndThreeThreads(BlockCase c) {
        boolean large = BlockCases.large().contains(c);
        BlockOperands o = BlockOperands.of(c);
        for (BlockRun run : BlockRuns.all()) {
            assertThreadCountInvariant(provider(), c + ": " + run.name(), o, run.onBlocks(), large);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void spiWritesOnlyItsRowsAndIgnoresChunking(BlockCase c) {
        KernelProvider p = provider();
        BlockOperands o = BlockOperands.of(c);
        BlockMatrix w = o.w();
        SparsityPattern grid = w.pattern().grid();
        SparsityPattern.Transposed t = grid.transposed();
        int n = c.batch();
        int br = c.br();
        int bc = c.bc();
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            for (boolean relu : new boolean[] {false, true}) {
                // y (rows, B) = max?(y (+) W · x), ranges of block rows of br rows
                assertRowRange(c + ": blockMult" + (relu ? " relu" : "") + suffix, grid.rows(),
                        blockRowOfOutput(c.rows(), n, br), o.y0().data(), (out, from, to) -> p.blockMult(br, bc,
                                grid.rowPtr(), grid.colIdx(), null, w.values(), false, o.x().data(), out, null, n,
                                from, to, acc, relu));
            }
            // dx (cols, B) (+)= Wᵀ · dy, ranges of block columns of W, bc rows each
            assertRowRange(c + ": blockMult transposed" + suffix, t.pattern().rows(), blockRowOfOutput(c.cols(), n, bc),
                    o.dx0().data(), (out, from, to) -> p.blockMult(br, bc, t.pattern().rowPtr(), t.pattern().colIdx(),
                            t.sourceEntry(), w.values(), true, o.dy().data(), out, null, n, from, to, acc, false));
            // dV (blocks, br, bc) (+)= (dy · xᵀ) on the blocks, ranges of block rows
            assertRowRange(c + ": blockSampledMult" + suffix, grid.rows(), blockRowOfEntry(w.pattern()), o.dv0(),
                    (out, from, to) -> p.blockSampledMult(br, bc, grid.rowPtr(), grid.colIdx(), o.dy().data(),
                            o.x().data(), n, out, from, to, acc));
        }
        // y (rows, B) = W · x + b · 1ᵀ: the bias starts each row
        assertRowRange(c + ": blockMult with row start", grid.rows(), blockRowOfOutput(c.rows(), n, br),
                o.y0().data(), (out, from, to) -> p.blockMult(br, bc, grid.rowPtr(), grid.colIdx(), null, w.values(),
                        false, o.x().data(), out, o.bias().data(), n, from, to, false, false));
    }

    // the block row that writes each element of a (rows, n) output whose block rows have h rows
    private static int[] blockRowOfOutput(int rows, int n, int h) {
        int[] owner = new int[rows * n];
        for (int i = 0; i < owner.length; i++) {
            owner[i] = i / n / h;
        }
        return owner;
    }

    // the block row of each entry of a (blocks, br, bc) array
    private static int[] blockRowOfEntry(BlockPattern p) {
        int[] owner = new int[p.nnz()];
        SparsityPattern grid = p.grid();
        for (int rb = 0; rb < grid.rows(); rb++) {
            for (int e = grid.rowStart(rb) * p.blockSize(); e < grid.rowEnd(rb) * p.blockSize(); e++) {
                owner[e] = rb;
            }
        }
        return owner;
    }

    // the block product on the kernels under test equals the dense one, within the tolerance of its terms
    private void assertDense(String what, float[] dense, BlockOperands o, BlockOperands abs,
                             BiFunction<Kernels, BlockOperands, float[]> block) {
        FloatChecks.assertClose(what + ": block kernels vs dense on the assembled matrix", dense,
                block.apply(kernels, o), block.apply(oracle, abs));
    }
}
