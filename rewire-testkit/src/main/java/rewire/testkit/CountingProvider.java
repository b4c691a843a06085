package rewire.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import rewire.kernel.KernelProvider;

/**
 * A provider that forwards every call to another one and counts the calls, so a test can tell
 * that the facade really split a problem into several chunks (otherwise a thread-count test
 * would compare one call with itself and could not fail). Tests also extend it to break one
 * method of a working provider on purpose.
 */
class CountingProvider implements KernelProvider {
    private final KernelProvider inner;
    private final AtomicInteger calls = new AtomicInteger();

    CountingProvider(KernelProvider inner) {
        this.inner = inner;
    }

    /** Kernel calls since the last reset. */
    int calls() {
        return calls.get();
    }

    void reset() {
        calls.set(0);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int vectorWidth() {
        return inner.vectorWidth();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        calls.incrementAndGet();
        inner.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    @Override
    public void spmm(int[] rowPtr, int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                     float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate, boolean relu) {
        calls.incrementAndGet();
        inner.spmm(rowPtr, colIdx, values, valueIndex, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
    }

    @Override
    public void diagonalMult(int rows, int cols, int[] diagonals, float[] values, boolean transpose, float[] x,
                             float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate,
                             boolean relu) {
        calls.incrementAndGet();
        inner.diagonalMult(rows, cols, diagonals, values, transpose, x, y, rowStart, n, rowFrom, rowTo, accumulate,
                relu);
    }

    @Override
    public void diagonalSampledMult(int rows, int cols, int[] diagonals, float[] a, float[] b, int n, float[] out,
                                    int from, int to, boolean accumulate) {
        calls.incrementAndGet();
        inner.diagonalSampledMult(rows, cols, diagonals, a, b, n, out, from, to, accumulate);
    }

    @Override
    public void fanInMult(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart, int n,
                          int rowFrom, int rowTo, boolean accumulate, boolean relu) {
        calls.incrementAndGet();
        inner.fanInMult(k, colIdx, values, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
    }

    @Override
    public void fanInSampledMult(int k, int[] colIdx, float[] a, float[] b, int n, float[] out, int rowFrom,
                                 int rowTo, boolean accumulate) {
        calls.incrementAndGet();
        inner.fanInSampledMult(k, colIdx, a, b, n, out, rowFrom, rowTo, accumulate);
    }

    @Override
    public void blockMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, int[] blockOf, float[] values,
                          boolean transpose, float[] x, float[] y, float[] rowStart, int n, int blockFrom,
                          int blockTo, boolean accumulate, boolean relu) {
        calls.incrementAndGet();
        inner.blockMult(br, bc, blockRowPtr, blockColIdx, blockOf, values, transpose, x, y, rowStart, n, blockFrom,
                blockTo, accumulate, relu);
    }

    @Override
    public void blockSampledMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, float[] a, float[] b, int n,
                                 float[] out, int blockFrom, int blockTo, boolean accumulate) {
        calls.incrementAndGet();
        inner.blockSampledMult(br, bc, blockRowPtr, blockColIdx, a, b, n, out, blockFrom, blockTo, accumulate);
    }

    @Override
    public void shiftedSums(float[] w, int[] offset, int from, int to, float[] x, int xFrom, float[] y, int yFrom,
                            int n) {
        calls.incrementAndGet();
        inner.shiftedSums(w, offset, from, to, x, xFrom, y, yFrom, n);
    }

    @Override
    public void shiftedDots(float[] a, int aFrom, int aStride, float[] x, int xFrom, int xStride, int images,
                            int[] offset, int from, int to, int n, float[] out) {
        calls.incrementAndGet();
        inner.shiftedDots(a, aFrom, aStride, x, xFrom, xStride, images, offset, from, to, n, out);
    }

    @Override
    public void maxPool2x2(float[] x, int height, int width, float[] y, int[] argmax, int planeFrom, int planeTo) {
        calls.incrementAndGet();
        inner.maxPool2x2(x, height, width, y, argmax, planeFrom, planeTo);
    }

    @Override
    public void rowSums(float[] a, int n, float[] out, int rowFrom, int rowTo, boolean accumulate) {
        calls.incrementAndGet();
        inner.rowSums(a, n, out, rowFrom, rowTo, accumulate);
    }

    @Override
    public void sddmm(int[] rowPtr, int[] colIdx, float[] a, float[] aGate, float[] b, int n, float[] out,
                      int rowFrom, int rowTo, boolean accumulate) {
        calls.incrementAndGet();
        inner.sddmm(rowPtr, colIdx, a, aGate, b, n, out, rowFrom, rowTo, accumulate);
    }

    @Override
    public void transpose(float[] src, int rows, int cols, float[] dst, int rowFrom, int rowTo) {
        calls.incrementAndGet();
        inner.transpose(src, rows, cols, dst, rowFrom, rowTo);
    }
}
