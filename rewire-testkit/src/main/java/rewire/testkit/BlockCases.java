package rewire.testkit;

import java.util.List;
import rewire.sparse.BlockMatrix;
import rewire.sparse.BlockPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The problems of the {@link BlockKernelContract}: blocks of 1 x 16, 4 x 4, 2 x 8 and 1 x 1 on
 * odd grids (tall, wide, square), batches of 1, of whole vectors and of partial ones, no block,
 * one block, every block (a dense matrix) and densities in between, and shapes large enough to
 * run in several chunks.
 */
public final class BlockCases {
    private BlockCases() {
    }

    /** {@code W : (rows, cols)} made of {@code blocks} random {@code br x bc} blocks, activations of {@code batch} columns. */
    public record BlockCase(int rows, int cols, int br, int bc, int batch, int blocks) {
        /** A seed that depends only on the case. */
        public long seed() {
            return ((((rows * 1_000_003L + cols) * 1_009L + br) * 31L + bc) * 1_013L + batch) * 37L + blocks;
        }

        @Override
        public String toString() {
            return "W " + rows + " x " + cols + " in " + br + " x " + bc + " blocks, " + blocks + " of "
                    + rows / br * (cols / bc) + ", batch " + batch;
        }
    }

    /**
     * The operands of one case, feature-major, with initial outputs for accumulation:
     * <pre>
     * w : (rows, cols), values (blocks, br, bc)   x : (cols, B)   dy : (rows, B)   bias : (rows,)
     * y0 : (rows, B)   dx0 : (cols, B)   dv0 : (blocks, br, bc)
     * </pre>
     */
    public record BlockOperands(BlockMatrix w, Tensor x, Tensor dy, Tensor bias, Tensor y0, Tensor dx0, float[] dv0) {
        /** Random operands for {@code c}, from the case's own seed. */
        public static BlockOperands of(BlockCase c) {
            Rng rng = new Rng(c.seed());
            BlockPattern p = BlockPattern.random(c.rows(), c.cols(), c.br(), c.bc(), c.blocks(), rng);
            return new BlockOperands(new BlockMatrix(p, RandomData.floats(rng, p.nnz())),
                    RandomData.tensor(rng, c.cols(), c.batch()), RandomData.tensor(rng, c.rows(), c.batch()),
                    RandomData.tensor(rng, c.rows(), 1), RandomData.tensor(rng, c.rows(), c.batch()),
                    RandomData.tensor(rng, c.cols(), c.batch()), RandomData.floats(rng, p.nnz()));
        }

        /** The same operands with every value replaced by its absolute value (for tolerances, see FloatChecks). */
        public BlockOperands abs() {
            return new BlockOperands(new BlockMatrix(w.pattern(), FloatChecks.abs(w.values())), FloatChecks.abs(x),
                    FloatChecks.abs(dy), FloatChecks.abs(bias), FloatChecks.abs(y0), FloatChecks.abs(dx0),
                    FloatChecks.abs(dv0));
        }
    }

    /** All cases: small shapes of every kind, then {@link #large()}. */
    public static List<BlockCase> all() {
        return List.of(
                new BlockCase(12, 20, 4, 4, 13, 7),     // 3 x 5 grid, odd batch
                new BlockCase(20, 12, 4, 4, 8, 1),      // one block, batch of 8
                new BlockCase(28, 28, 4, 4, 100, 49),   // every block: dense
                new BlockCase(3, 48, 1, 16, 31, 9),     // every block, wide
                new BlockCase(49, 32, 1, 16, 17, 40),   // tall, 40 of 98
                new BlockCase(14, 24, 2, 8, 1, 10),     // batch 1
                new BlockCase(22, 40, 2, 8, 64, 55),    // every block
                new BlockCase(26, 8, 2, 8, 3, 1),       // one block, tiny batch
                new BlockCase(7, 13, 1, 1, 9, 30),      // plain CSR
                new BlockCase(13, 7, 1, 1, 100, 91),    // every 1 x 1 block: dense
                new BlockCase(1, 1, 1, 1, 1, 1),
                new BlockCase(8, 8, 4, 4, 7, 0),        // no block: outputs are the bias or 0
                new BlockCase(12, 6, 4, 3, 19, 3),      // a block shape no kernel specialises
                large().get(0), large().get(1), large().get(2));
    }

    /** Shapes over 2M multiply-adds, which the facade splits into several chunks in every product. */
    public static List<BlockCase> large() {
        return List.of(new BlockCase(704, 704, 4, 4, 64, 3098), new BlockCase(208, 704, 2, 8, 131, 1400),
                new BlockCase(704, 208, 1, 16, 128, 1830));
    }
}
