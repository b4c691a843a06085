package rewire.testkit;

import java.util.List;
import rewire.sparse.DiagonalMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The problems of the {@link DiagonalKernelContract}: tall, wide and square matrices of odd and
 * even sizes, batches of 1, of whole vectors and of partial ones, no diagonal, one diagonal,
 * every diagonal (which is a dense matrix, METHODS F.5) and densities in between, and shapes
 * large enough to run in several chunks.
 */
public final class DiagonalCases {
    private DiagonalCases() {
    }

    /** {@code W : (rows, cols)} made of {@code diagonals} random diagonals, activations of {@code batch} columns. */
    public record DiagonalCase(int rows, int cols, int batch, int diagonals) {
        /** A seed that depends only on the case. */
        public long seed() {
            return ((rows * 1_000_003L + cols) * 1_009L + batch) * 31L + diagonals;
        }

        @Override
        public String toString() {
            return "W " + rows + " x " + cols + " with " + diagonals + " of " + DiagonalPattern.count(rows, cols)
                    + " diagonals, batch " + batch;
        }
    }

    /**
     * The operands of one case, feature-major, with initial outputs for accumulation:
     * <pre>
     * w : (rows, cols), values (K, D)   x : (cols, B)   dy : (rows, B)   bias : (rows,)
     * y0 : (rows, B)   dx0 : (cols, B)   dv0 : (K, D)
     * </pre>
     */
    public record DiagonalOperands(DiagonalMatrix w, Tensor x, Tensor dy, Tensor bias, Tensor y0, Tensor dx0,
                                   float[] dv0) {
        /** Random operands for {@code c}, from the case's own seed. */
        public static DiagonalOperands of(DiagonalCase c) {
            Rng rng = new Rng(c.seed());
            DiagonalPattern p = DiagonalPattern.random(c.rows(), c.cols(), c.diagonals(), rng);
            return new DiagonalOperands(new DiagonalMatrix(p, RandomData.floats(rng, p.nnz())),
                    RandomData.tensor(rng, c.cols(), c.batch()), RandomData.tensor(rng, c.rows(), c.batch()),
                    RandomData.tensor(rng, c.rows(), 1), RandomData.tensor(rng, c.rows(), c.batch()),
                    RandomData.tensor(rng, c.cols(), c.batch()), RandomData.floats(rng, p.nnz()));
        }

        /** The same operands with every value replaced by its absolute value (for tolerances, see FloatChecks). */
        public DiagonalOperands abs() {
            return new DiagonalOperands(new DiagonalMatrix(w.pattern(), FloatChecks.abs(w.values())), FloatChecks.abs(x),
                    FloatChecks.abs(dy), FloatChecks.abs(bias), FloatChecks.abs(y0), FloatChecks.abs(dx0),
                    FloatChecks.abs(dv0));
        }
    }

    /** All cases: small shapes of every kind, then {@link #large()}. */
    public static List<DiagonalCase> all() {
        return List.of(
                new DiagonalCase(7, 4, 13, 2),      // tall, odd batch
                new DiagonalCase(4, 7, 8, 3),       // wide, batch of 8
                new DiagonalCase(13, 13, 1, 5),     // square, batch 1
                new DiagonalCase(31, 100, 31, 1),   // wide, one diagonal
                new DiagonalCase(100, 31, 64, 100), // tall, every diagonal: dense
                new DiagonalCase(64, 64, 100, 64),  // square, every diagonal: dense
                new DiagonalCase(207, 13, 3, 20),   // very tall
                new DiagonalCase(13, 207, 7, 21),   // very wide
                new DiagonalCase(1, 1, 1, 1),
                new DiagonalCase(1, 8, 17, 8),      // one row, every diagonal
                new DiagonalCase(702, 207, 17, 70), // 10%
                new DiagonalCase(13, 7, 9, 0),      // no diagonal: outputs are the bias or 0
                large().get(0), large().get(1), large().get(2));
    }

    /** Shapes over 2M multiply-adds, which the facade splits into several chunks in every product. */
    public static List<DiagonalCase> large() {
        return List.of(new DiagonalCase(702, 702, 64, 70), new DiagonalCase(207, 702, 131, 140),
                new DiagonalCase(702, 207, 128, 140));
    }
}
