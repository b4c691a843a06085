package rewire.kernel;

/**
 * A dense single-precision matrix product in row-major storage:
 * {@code C[m x n] = op(A)[m x k] * op(B)[k x n]}, or {@code C += ...} when {@code accumulate}.
 * {@code op(A)} is A, or A transposed when {@code transA} (then A is stored {@code k x m}); same
 * for B. Leading dimensions are the row strides of the stored matrices, offsets are in floats.
 *
 * <p>Unchecked: callers ({@link Kernels}) check shapes. Never allocates.
 */
public interface DenseGemm {

    /** A short name for reports, such as "openblas" or "vector". */
    String name();

    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean accumulate);
}
