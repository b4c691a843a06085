package rewire.testkit;

import static rewire.testkit.ContractChecks.rowsOfWidth;

import java.util.List;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.sparse.BlockMatrix;
import rewire.sparse.BlockPattern;
import rewire.sparse.SparsityPattern;

/**
 * The block format under the {@link StructuredKernelContract}: {@link Kernels#block()}, values
 * {@code (blocks, br, bc)}, the SPI's {@link KernelProvider#blockMult} and
 * {@link KernelProvider#blockSampledMult} over block rows (of W's grid, or of the transposed grid
 * for {@code Wᵀ · x}).
 */
final class BlockFormat extends FormatAdapter<BlockMatrix, BlockPattern> {
    BlockFormat() {
        super("block", Kernels::block, BlockMatrix::pattern, BlockMatrix::values,
                (w, values) -> new BlockMatrix(w.pattern(), values), BlockMatrix::toCsr);
    }

    /**
     * Blocks of 1 x 16, 4 x 4, 2 x 8, 1 x 1 and one shape no kernel specialises, on odd grids
     * (tall, wide, square), batches of 1, of whole vectors and of partial ones, no block, one
     * block, every block (a dense matrix) and densities in between, then shapes large enough to
     * run in several chunks.
     */
    @Override
    List<StructuredCase<BlockMatrix, BlockPattern>> cases() {
        return List.of(
                blocks(12, 20, 4, 4, 13, 7),     // 3 x 5 grid, odd batch
                blocks(20, 12, 4, 4, 8, 1),      // one block, batch of 8
                blocks(28, 28, 4, 4, 100, 49),   // every block: dense
                blocks(3, 48, 1, 16, 31, 9),     // every block, wide
                blocks(49, 32, 1, 16, 17, 40),   // tall, 40 of 98
                blocks(14, 24, 2, 8, 1, 10),     // batch 1
                blocks(22, 40, 2, 8, 64, 55),    // every block
                blocks(26, 8, 2, 8, 3, 1),       // one block, tiny batch
                blocks(7, 13, 1, 1, 9, 30),      // plain CSR
                blocks(13, 7, 1, 1, 100, 91),    // every 1 x 1 block: dense
                blocks(1, 1, 1, 1, 1, 1),
                blocks(8, 8, 4, 4, 7, 0),        // no block: outputs are the bias or 0
                blocks(12, 6, 4, 3, 19, 3),      // a block shape no kernel specialises
                blocks(704, 704, 4, 4, 64, 3098).inSeveralChunks(),
                blocks(208, 704, 2, 8, 131, 1400).inSeveralChunks(),
                blocks(704, 208, 1, 16, 128, 1830).inSeveralChunks());
    }

    private StructuredCase<BlockMatrix, BlockPattern> blocks(int rows, int cols, int br, int bc, int batch,
                                                             int count) {
        return StructuredCase.of(this, rows, cols, batch, count + " of " + rows / br * (cols / bc) + " " + br + " x "
                + bc + " blocks", rng -> {
                    BlockPattern p = BlockPattern.random(rows, cols, br, bc, count, rng);
                    return new BlockMatrix(p, RandomData.floats(rng, p.nnz()));
                });
    }

    /** A block row of h rows owns {@code h · n} consecutive outputs: h = br for W · x, bc for Wᵀ · x. */
    @Override
    SpiCall mult(KernelProvider p, BlockMatrix w, boolean transpose, float[] x, float[] rowStart, int n,
                 boolean accumulate, boolean relu) {
        BlockPattern bp = w.pattern();
        int br = bp.blockRows();
        int bc = bp.blockCols();
        if (transpose) {
            SparsityPattern.Transposed t = bp.grid().transposed();
            SparsityPattern grid = t.pattern();
            return new SpiCall(grid.rows(), rowsOfWidth(grid.rows(), bc * n), (out, from, to) -> p.blockMult(br, bc,
                    grid.rowPtr(), grid.colIdx(), t.sourceEntry(), w.values(), true, x, out, rowStart, n, from, to,
                    accumulate, relu));
        }
        SparsityPattern grid = bp.grid();
        return new SpiCall(grid.rows(), rowsOfWidth(grid.rows(), br * n), (out, from, to) -> p.blockMult(br, bc,
                grid.rowPtr(), grid.colIdx(), null, w.values(), false, x, out, rowStart, n, from, to, accumulate,
                relu));
    }

    /** A block row owns the values of its blocks, which lie together in block order. */
    @Override
    SpiCall sampledMult(KernelProvider p, BlockMatrix w, float[] a, float[] b, int n, boolean accumulate) {
        BlockPattern bp = w.pattern();
        SparsityPattern grid = bp.grid();
        int[] blockRowOfEntry = new int[bp.nnz()];
        for (int rb = 0; rb < grid.rows(); rb++) {
            for (int e = grid.rowStart(rb) * bp.blockSize(); e < grid.rowEnd(rb) * bp.blockSize(); e++) {
                blockRowOfEntry[e] = rb;
            }
        }
        return new SpiCall(grid.rows(), blockRowOfEntry, (out, from, to) -> p.blockSampledMult(bp.blockRows(),
                bp.blockCols(), grid.rowPtr(), grid.colIdx(), a, b, n, out, from, to, accumulate));
    }
}
