package rewire.testkit;

import java.util.List;
import rewire.sparse.FanInMatrix;
import rewire.sparse.FanInPattern;
import rewire.sparse.NmMatrix;
import rewire.sparse.NmPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The problems of the {@link FanInKernelContract}: constant fan-in matrices of odd and even
 * shapes with k from 0 and 1 to every column, and N:M matrices (2:4, 1:4, 1:8, 4:8), with batches
 * of 1, of whole vectors and of partial ones, and shapes large enough to run in several chunks.
 */
public final class FanInCases {
    private FanInCases() {
    }

    /**
     * {@code W : (rows, cols)} with fan-in {@code k}, or N:M when {@code m > 0} (then
     * {@code k = cols / m * n}), activations of {@code batch} columns.
     */
    public record FanInCase(int rows, int cols, int batch, int k, int n, int m) {
        static FanInCase fanIn(int rows, int cols, int batch, int k) {
            return new FanInCase(rows, cols, batch, k, 0, 0);
        }

        static FanInCase nm(int rows, int cols, int batch, int n, int m) {
            return new FanInCase(rows, cols, batch, cols / m * n, n, m);
        }

        /** Whether the case runs through the N:M products. */
        public boolean isNm() {
            return m > 0;
        }

        /** A seed that depends only on the case. */
        public long seed() {
            return (((rows * 1_000_003L + cols) * 1_009L + batch) * 31L + k) * 131L + n * 17L + m;
        }

        @Override
        public String toString() {
            return "W " + rows + " x " + cols + (isNm() ? " at " + n + ":" + m : "") + " with fan-in " + k + ", batch "
                    + batch;
        }
    }

    /**
     * The operands of one case, feature-major, with initial outputs for accumulation; {@code w} is
     * the matrix in fan-in form, {@code format} the facade the case's products go through (the
     * fan-in products on {@code w}, or the N:M products on the same matrix in N:M form):
     * <pre>
     * w : (rows, cols), values (rows, k)   x : (cols, B)   dy : (rows, B)   bias : (rows,)
     * y0 : (rows, B)   dx0 : (cols, B)   dv0 : (rows, k)
     * </pre>
     */
    public record FanInOperands(FanInMatrix w, FormatProducts format, Tensor x, Tensor dy, Tensor bias, Tensor y0,
                                Tensor dx0, float[] dv0) {
        /** Random operands for {@code c}, from the case's own seed. */
        public static FanInOperands of(FanInCase c) {
            Rng rng = new Rng(c.seed());
            FormatProducts format;
            if (c.isNm()) {
                NmPattern p = NmPattern.random(c.rows(), c.cols(), c.n(), c.m(), rng);
                format = new FormatProducts.OfNm(new NmMatrix(p, RandomData.floats(rng, p.nnz())));
            } else {
                FanInPattern p = FanInPattern.random(c.rows(), c.cols(), c.k(), rng);
                format = new FormatProducts.OfFanIn(new FanInMatrix(p, RandomData.floats(rng, p.nnz())));
            }
            return new FanInOperands(format.fanIn(), format, RandomData.tensor(rng, c.cols(), c.batch()),
                    RandomData.tensor(rng, c.rows(), c.batch()), RandomData.tensor(rng, c.rows(), 1),
                    RandomData.tensor(rng, c.rows(), c.batch()), RandomData.tensor(rng, c.cols(), c.batch()),
                    RandomData.floats(rng, c.rows() * c.k()));
        }

        /** The same operands with every value replaced by its absolute value (for tolerances, see FloatChecks). */
        public FanInOperands abs() {
            FormatProducts absFormat = format.withValues(FloatChecks.abs(w.values()));
            return new FanInOperands(absFormat.fanIn(), absFormat, FloatChecks.abs(x), FloatChecks.abs(dy),
                    FloatChecks.abs(bias), FloatChecks.abs(y0), FloatChecks.abs(dx0), FloatChecks.abs(dv0));
        }
    }

    /** All cases: small shapes of every kind, then {@link #large()}. */
    public static List<FanInCase> all() {
        return List.of(
                FanInCase.fanIn(7, 4, 13, 2),      // tall, odd batch
                FanInCase.fanIn(4, 7, 8, 3),       // wide, batch of 8
                FanInCase.fanIn(13, 13, 1, 5),     // square, batch 1
                FanInCase.fanIn(31, 100, 31, 1),   // one input a row
                FanInCase.fanIn(100, 31, 64, 31),  // every input: dense
                FanInCase.fanIn(207, 13, 3, 7),    // very tall, odd row count
                FanInCase.fanIn(13, 207, 17, 21),  // very wide
                FanInCase.fanIn(1, 1, 1, 1),
                FanInCase.fanIn(702, 207, 17, 21), // 10%
                FanInCase.fanIn(13, 7, 9, 0),      // no entry: outputs are the bias or 0
                FanInCase.nm(31, 40, 9, 1, 4),
                FanInCase.nm(207, 64, 32, 2, 4),  // batch of 8 vectors at 128 bits: the aligned grid
                FanInCase.nm(13, 104, 16, 1, 8),
                FanInCase.nm(100, 64, 128, 4, 8),
                FanInCase.nm(1, 8, 3, 8, 8),      // N = M: dense
                large().get(0), large().get(1), large().get(2));
    }

    /** Shapes over 2M multiply-adds, which the facade splits into several chunks in every product. */
    public static List<FanInCase> large() {
        return List.of(FanInCase.fanIn(702, 702, 64, 70), FanInCase.nm(207, 704, 131, 1, 8),
                FanInCase.nm(702, 200, 64, 2, 4));
    }
}
