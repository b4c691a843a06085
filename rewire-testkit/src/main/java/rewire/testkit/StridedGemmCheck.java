package rewire.testkit;

import java.util.Arrays;
import rewire.kernel.DenseGemm;
import rewire.kernel.ScalarKernels;
import rewire.tensor.Rng;

/**
 * Checks a {@link DenseGemm} against {@link ScalarKernels} on operands that sit at an offset
 * inside larger arrays with leading dimensions wider than their rows, the way
 * {@code DenseScores} and the parallel facade address tiles of bigger matrices.
 *
 * <p>The padding of A and B holds NaN, so a GEMM that reads outside its operands produces NaN and
 * fails; the padding of C holds random values that must come back bit for bit.
 */
public final class StridedGemmCheck {
    private static final int A_OFFSET = 5;
    private static final int B_OFFSET = 2;
    private static final int C_OFFSET = 7;
    private static final int A_PAD = 3;
    private static final int B_PAD = 1;
    private static final int C_PAD = 2;

    private StridedGemmCheck() {
    }

    /** The problem: {@code C (m, n) (+)= op(A) (m, k) · op(B) (k, n)}. */
    public record Problem(int m, int n, int k, boolean transA, boolean transB, boolean accumulate) {
        @Override
        public String toString() {
            return "gemm(" + (transA ? "Aᵀ" : "A") + " · " + (transB ? "Bᵀ" : "B") + ", m " + m + ", n " + n
                    + ", k " + k + (accumulate ? ", accumulate)" : ")");
        }
    }

    /** Runs {@code candidate} on strided operands and asserts it matches the scalar reference. */
    public static void assertMatchesScalar(DenseGemm candidate, Problem p, Rng rng) {
        int aRows = p.transA() ? p.k() : p.m();
        int aCols = p.transA() ? p.m() : p.k();
        int bRows = p.transB() ? p.n() : p.k();
        int bCols = p.transB() ? p.k() : p.n();
        float[] a = RandomData.floats(rng, aRows * aCols);
        float[] b = RandomData.floats(rng, bRows * bCols);
        float[] c0 = RandomData.floats(rng, p.m() * p.n());

        float[] want = scalar(p, a, b, c0);
        float[] bound = scalar(p, FloatChecks.abs(a), FloatChecks.abs(b), FloatChecks.abs(c0));

        int lda = aCols + A_PAD;
        int ldb = bCols + B_PAD;
        int ldc = p.n() + C_PAD;
        float[] aBuf = embed(a, aRows, aCols, A_OFFSET, lda, nans(bufferLength(A_OFFSET, aRows, lda)));
        float[] bBuf = embed(b, bRows, bCols, B_OFFSET, ldb, nans(bufferLength(B_OFFSET, bRows, ldb)));
        float[] cBuf = embed(c0, p.m(), p.n(), C_OFFSET, ldc, RandomData.floats(rng, bufferLength(C_OFFSET, p.m(), ldc)));
        float[] cBefore = cBuf.clone();

        candidate.gemm(p.transA(), p.transB(), p.m(), p.n(), p.k(), aBuf, A_OFFSET, lda, bBuf, B_OFFSET, ldb,
                cBuf, C_OFFSET, ldc, p.accumulate());

        String what = candidate.name() + " " + p + " with offsets and leading dimensions";
        FloatChecks.assertClose(what, want, extract(cBuf, p.m(), p.n(), C_OFFSET, ldc), bound);
        assertPaddingUnchanged(what, cBefore, cBuf, p.m(), p.n(), ldc);
    }

    /** The scalar reference on compact row-major operands. */
    public static float[] scalar(Problem p, float[] a, float[] b, float[] c0) {
        float[] c = c0.clone();
        new ScalarKernels().gemm(p.transA(), p.transB(), p.m(), p.n(), p.k(), a, 0,
                Math.max(1, p.transA() ? p.m() : p.k()), b, 0, Math.max(1, p.transB() ? p.k() : p.n()),
                c, 0, p.n(), p.accumulate());
        return c;
    }

    // one float of slack after the last row, so an overrun past the operand is caught too
    private static int bufferLength(int offset, int rows, int ld) {
        return offset + rows * ld + 1;
    }

    // writes the compact (rows, cols) matrix into buf at offset with row stride ld
    private static float[] embed(float[] compact, int rows, int cols, int offset, int ld, float[] buf) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(compact, r * cols, buf, offset + r * ld, cols);
        }
        return buf;
    }

    private static float[] extract(float[] buf, int rows, int cols, int offset, int ld) {
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(buf, offset + r * ld, out, r * cols, cols);
        }
        return out;
    }

    private static float[] nans(int length) {
        float[] out = new float[length];
        Arrays.fill(out, Float.NaN);
        return out;
    }

    private static void assertPaddingUnchanged(String what, float[] before, float[] after, int m, int n, int ldc) {
        FloatChecks.assertBitwiseEqual(what + ", before C", before, after, 0, C_OFFSET);
        for (int r = 0; r < m; r++) {
            int padFrom = C_OFFSET + r * ldc + n;
            FloatChecks.assertBitwiseEqual(what + ", padding of C row " + r, before, after, padFrom, padFrom + C_PAD);
        }
        FloatChecks.assertBitwiseEqual(what + ", after C", before, after, C_OFFSET + m * ldc, after.length);
    }
}
