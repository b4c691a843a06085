package rewire.kernel;

import rewire.sparse.BlockMatrix;
import rewire.sparse.BlockPattern;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * The checked products of a {@link BlockMatrix}, reached through {@link Kernels#block()}: the
 * block format's part of the facade, with the CSR products' verbs and contract. Shapes are
 * checked here (an error names both), the work is split into fixed chunks of block rows for
 * {@link Parallel}, and the provider's {@link KernelProvider#blockMult} and
 * {@link KernelProvider#blockSampledMult} do the arithmetic, so results are bit-identical for
 * any thread count.
 *
 * <p>{@code Wᵀ · dy} runs over the block grid's transpose, which {@link SparsityPattern}
 * caches as it does for a CSR weight: each chunk then owns whole block rows of {@code dx} and
 * gathers into them, as the CSR input gradient does, instead of scattering into rows that
 * other chunks write.
 *
 * <pre>
 * forward       y  = W · x            W : (out, in) in br x bc blocks   x : (in, B)    y : (out, B)   mult
 * input grad    dx = Wᵀ · dy                                             dy: (out, B)   dx: (in, B)    multTransA
 * weight grad   dV = (dy · xᵀ) on W's blocks                             dV: (blocks, br, bc)          sampledMultTransB
 * </pre>
 */
public final class BlockProducts implements StructuredProducts<BlockMatrix, BlockPattern> {
    private final KernelProvider provider;
    private final Parallel parallel;

    BlockProducts(KernelProvider provider, Parallel parallel) {
        this.provider = provider;
        this.parallel = parallel;
    }

    /** {@code y (out, B) = W (out, in) · x (in, B)}. */
    public void mult(BlockMatrix w, Tensor x, Tensor y) {
        mult(w, x, y, false);
    }

    /** {@code y (+)= W · x}. */
    @Override
    public void mult(BlockMatrix w, Tensor x, Tensor y, boolean accumulate) {
        Kernels.requireFeatureMajor("block mult: W · x", w.cols(), x, w.rows(), y);
        forward(w, x, y, null, accumulate, false);
    }

    /** {@code y (out, B) = W · x + b · 1ᵀ} with {@code b (out,)}: each output row's sum starts from its bias. */
    @Override
    public void multAddBias(BlockMatrix w, Tensor x, Tensor bias, Tensor y) {
        Kernels.requireFeatureMajor("block multAddBias: W · x + b", w.cols(), x, w.rows(), y);
        requireBias("block multAddBias", w, bias);
        forward(w, x, y, bias.data(), false, false);
    }

    /** {@code y (out, B) = max(W · x + b · 1ᵀ, 0)} with {@code b (out,)} or null: a layer fused with its ReLU. */
    @Override
    public void multAddBiasRelu(BlockMatrix w, Tensor x, Tensor bias, Tensor y) {
        Kernels.requireFeatureMajor("block multAddBiasRelu: max(W · x + b, 0)", w.cols(), x, w.rows(), y);
        if (bias != null) {
            requireBias("block multAddBiasRelu", w, bias);
        }
        forward(w, x, y, bias == null ? null : bias.data(), false, true);
    }

    /** {@code dx (in, B) = Wᵀ · dy (out, B)}. */
    public void multTransA(BlockMatrix w, Tensor dy, Tensor dx) {
        multTransA(w, dy, dx, false);
    }

    /** {@code dx (+)= Wᵀ · dy}, gathering through the cached transposed block grid. */
    @Override
    public void multTransA(BlockMatrix w, Tensor dy, Tensor dx, boolean accumulate) {
        Kernels.requireFeatureMajor("block multTransA: Wᵀ · dy", w.rows(), dy, w.cols(), dx);
        SparsityPattern.Transposed t = w.pattern().grid().transposed();
        run(w, t.pattern(), t.sourceEntry(), true, dy, dx, null, accumulate, false);
    }

    /** {@code out (blocks, br, bc) = (a (rows, B) · b (cols, B)ᵀ)} at the entries of {@code pattern}'s blocks. */
    public void sampledMultTransB(Tensor a, Tensor b, BlockPattern pattern, float[] out) {
        sampledMultTransB(a, b, pattern, out, false);
    }

    /** {@code out (+)= (a · bᵀ)} on {@code pattern}'s blocks, block-major and row-major in each block. */
    @Override
    public void sampledMultTransB(Tensor a, Tensor b, BlockPattern pattern, float[] out, boolean accumulate) {
        if (a.rows() != pattern.rows() || b.rows() != pattern.cols() || a.cols() != b.cols()
                || out.length != pattern.nnz()) {
            throw new IllegalArgumentException("block sampledMultTransB shapes do not fit: a " + a.shape() + " · b "
                    + b.shape() + "ᵀ sampled on " + pattern + " -> out (" + out.length + ",) for "
                    + pattern.count() + " blocks of " + pattern.blockSize() + " = " + pattern.nnz() + " entries");
        }
        int n = a.cols();
        SparsityPattern grid = pattern.grid();
        parallel.forRange(grid.rows(), Kernels.sparseGrain(grid.rows(), pattern.nnz(), n),
                (from, to) -> provider.blockSampledMult(pattern.blockRows(), pattern.blockCols(), grid.rowPtr(),
                        grid.colIdx(), a.data(), b.data(), n, out, from, to, accumulate));
    }

    // y (out, B) = W · x, over W's own block grid
    private void forward(BlockMatrix w, Tensor x, Tensor y, float[] rowStart, boolean accumulate, boolean relu) {
        run(w, w.pattern().grid(), null, false, x, y, rowStart, accumulate, relu);
    }

    // y (out rows, n) = W · x or Wᵀ · x in fixed chunks of the output's block rows, the rows of `grid`
    private void run(BlockMatrix w, SparsityPattern grid, int[] blockOf, boolean transpose, Tensor x, Tensor y,
                     float[] rowStart, boolean accumulate, boolean relu) {
        BlockPattern p = w.pattern();
        int n = x.cols();
        parallel.forRange(grid.rows(), Kernels.sparseGrain(grid.rows(), p.nnz(), n),
                (from, to) -> provider.blockMult(p.blockRows(), p.blockCols(), grid.rowPtr(), grid.colIdx(), blockOf,
                        w.values(), transpose, x.data(), y.data(), rowStart, n, from, to, accumulate, relu));
    }

    private static void requireBias(String op, BlockMatrix w, Tensor bias) {
        if (bias.size() != w.rows()) {
            throw new IllegalArgumentException(op + ": bias " + bias.shape() + " needs one entry per row of W ("
                    + w.rows() + ")");
        }
    }
}
