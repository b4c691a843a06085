package rewire.testkit;

import java.util.ArrayList;
import java.util.List;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.testkit.RandomData.PatternKind;

/**
 * The problem sizes of the {@link KernelContract}: a covering set drawn from the sizes 1, 3, 7,
 * 8, 13, 31, 64, 100, 207, 702, so that every size appears as rows, as columns and as batch, and
 * every {@link PatternKind} appears, without running the full cross product.
 */
public final class KernelCases {
    /** The odd and even sizes of ARCHITECTURE.md's test plan. */
    public static final int[] SIZES = {1, 3, 7, 8, 13, 31, 64, 100, 207, 702};

    private KernelCases() {
    }

    /**
     * A sparse problem: {@code W : CSR (rows, cols)} of the given kind, activations with
     * {@code batch} columns.
     */
    public record SparseCase(int rows, int cols, int batch, PatternKind kind) {
        /** A seed that depends only on the case, so each case has its own fixed data. */
        public long seed() {
            return ((rows * 1_000_003L + cols) * 1_009L + batch) * 31L + kind.ordinal();
        }

        @Override
        public String toString() {
            return "W " + rows + " x " + cols + " " + kind + ", batch " + batch;
        }
    }

    /** A dense problem {@code C (m, n) (+)= op(A) (m, k) · op(B) (k, n)}. */
    public record GemmCase(int m, int n, int k) {
        @Override
        public String toString() {
            return "m " + m + ", n " + n + ", k " + k;
        }
    }

    /**
     * The operands of one sparse case, feature-major:
     * <pre>
     * w : CSR (rows, cols)   x : (cols, B)   dy : (rows, B)
     * y0 : (rows, B)   dx0 : (cols, B)   dw0 : (nnz,)     initial outputs for accumulation
     * </pre>
     */
    public record SparseOperands(CsrMatrix w, Tensor x, Tensor dy, Tensor y0, Tensor dx0, float[] dw0) {
        /** Random operands for {@code c}, from the case's own seed. */
        public static SparseOperands of(SparseCase c) {
            Rng rng = new Rng(c.seed());
            SparsityPattern p = RandomData.pattern(rng, c.rows(), c.cols(), c.kind());
            return new SparseOperands(RandomData.matrix(rng, p),
                    RandomData.tensor(rng, c.cols(), c.batch()), RandomData.tensor(rng, c.rows(), c.batch()),
                    RandomData.tensor(rng, c.rows(), c.batch()), RandomData.tensor(rng, c.cols(), c.batch()),
                    RandomData.floats(rng, p.nnz()));
        }

        /**
         * The same operands with every value replaced by its absolute value: running an op on
         * them gives, per output element, the sum of the absolute values of its terms.
         */
        public SparseOperands abs() {
            return new SparseOperands(new CsrMatrix(w.pattern(), FloatChecks.abs(w.values())), FloatChecks.abs(x),
                    FloatChecks.abs(dy), FloatChecks.abs(y0), FloatChecks.abs(dx0), FloatChecks.abs(dw0));
        }
    }

    /**
     * The sparse cases: a Latin-square walk over {@link #SIZES} (each size once as rows, once as
     * columns, once as batch), every pattern kind on a mid-sized and on a batch-1 shape, and the
     * large shapes that split into many parallel chunks.
     */
    public static List<SparseCase> sparseCases() {
        List<SparseCase> cases = new ArrayList<>();
        PatternKind[] kinds = PatternKind.values();
        for (int i = 0; i < SIZES.length; i++) {
            cases.add(new SparseCase(SIZES[i], SIZES[(i + 3) % SIZES.length], SIZES[(i + 6) % SIZES.length],
                    kinds[i % kinds.length]));
        }
        for (PatternKind kind : kinds) {
            cases.add(new SparseCase(100, 207, 8, kind));
            cases.add(new SparseCase(31, 13, 1, kind));
        }
        cases.addAll(largeSparseCases());
        return cases;
    }

    /** Shapes big enough (over 2M multiply-adds) that every sparse kernel runs in several chunks on the facade's pool. */
    public static List<SparseCase> largeSparseCases() {
        return List.of(
                new SparseCase(702, 702, 64, PatternKind.PERCENT_10),
                new SparseCase(702, 207, 100, PatternKind.PERCENT_50),
                new SparseCase(207, 702, 131, PatternKind.EMPTY_ROWS_AND_COLS));
    }

    /** Dense cases: a Latin-square walk over {@link #SIZES} for m, n and k, and one multi-chunk shape. */
    public static List<GemmCase> gemmCases() {
        List<GemmCase> cases = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            cases.add(new GemmCase(SIZES[i], SIZES[(i + 4) % SIZES.length], SIZES[(i + 8) % SIZES.length]));
        }
        cases.add(largeGemmCase());
        return cases;
    }

    /**
     * A dense shape that the facade splits into several row chunks: over 2M multiply-adds, in
     * chunks of 37 rows, so that chunks also start on odd rows.
     */
    public static GemmCase largeGemmCase() {
        return new GemmCase(311, 80, 88);
    }
}
