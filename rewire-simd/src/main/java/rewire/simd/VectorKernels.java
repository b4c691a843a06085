package rewire.simd;

import rewire.kernel.KernelProvider;

/**
 * The {@link KernelProvider} on the incubating Vector API ({@code jdk.incubator.vector}), found
 * by {@code ServiceLoader} under the name {@code "vector"}. It needs
 * {@code --add-modules jdk.incubator.vector}; without it the class fails to load and Rewire
 * falls back to {@code ScalarKernels}.
 *
 * <p>The vector width is {@code -Drewire.vector.bits} (64, 128, 256, 512) or the CPU's preferred
 * width. The kernels themselves live in one class each: {@link Spmm}, {@link Sddmm},
 * {@link DiagonalMult}, {@link DiagonalSampledMult}, {@link BlockMult}, {@link BlockSampledMult},
 * {@link Gemm} and {@link Transpose} (a constant fan-in pattern's rows are CSR rows with computed
 * bounds and run {@link Spmm}'s and {@link Sddmm}'s row kernels); like every provider they check
 * nothing, allocate nothing, and give bitwise the same output for any split of the row range.
 */
public final class VectorKernels implements KernelProvider {

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int vectorWidth() {
        return Lanes.L;
    }

    // y (rows, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S (rows, cols) · x (cols, n), then relu
    @Override
    public void spmm(int[] rowPtr, int[] colIdx, float[] values, int[] valueIndex,
                     float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate,
                     boolean relu) {
        Spmm.run(rowPtr, colIdx, values, valueIndex, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
    }

    // a (rows, n) gated by aGate, then out (nnz,) (+)= (a · b (cols, n)ᵀ) at the pattern's entries
    @Override
    public void sddmm(int[] rowPtr, int[] colIdx, float[] a, float[] aGate, float[] b, int n, float[] out,
                      int rowFrom, int rowTo, boolean accumulate) {
        Sddmm.run(rowPtr, colIdx, a, aGate, b, n, out, rowFrom, rowTo, accumulate);
    }

    // y (out, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S · x (S (rows, cols) of K diagonals, or Sᵀ), then relu
    @Override
    public void diagonalMult(int rows, int cols, int[] diagonals, float[] values, boolean transpose,
                             float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate,
                             boolean relu) {
        DiagonalMult.run(rows, cols, diagonals, values, transpose, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
    }

    // out (K, D) (+)= (a (rows, n) · b (cols, n)ᵀ) at the diagonals' positions [from, to)
    @Override
    public void diagonalSampledMult(int rows, int cols, int[] diagonals, float[] a, float[] b, int n, float[] out,
                                    int from, int to, boolean accumulate) {
        DiagonalSampledMult.run(rows, cols, diagonals, a, b, n, out, from, to, accumulate);
    }

    // y (rows, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S (rows, cols) · x (cols, n), k entries a row, then relu
    @Override
    public void fanInMult(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart, int n,
                          int rowFrom, int rowTo, boolean accumulate, boolean relu) {
        Spmm.fanIn(k, colIdx, values, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
    }

    // out (rows, k) (+)= (a (rows, n) · b (cols, n)ᵀ) at the pattern's entries
    @Override
    public void fanInSampledMult(int k, int[] colIdx, float[] a, float[] b, int n, float[] out, int rowFrom,
                                 int rowTo, boolean accumulate) {
        Sddmm.fanIn(k, colIdx, a, b, n, out, rowFrom, rowTo, accumulate);
    }

    // y (out, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S · x (S (rows, cols) in br x bc blocks, or Sᵀ), then relu
    @Override
    public void blockMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, int[] blockOf, float[] values,
                          boolean transpose, float[] x, float[] y, float[] rowStart, int n, int blockFrom,
                          int blockTo, boolean accumulate, boolean relu) {
        BlockMult.run(br, bc, blockRowPtr, blockColIdx, blockOf, values, transpose, x, y, rowStart, n, blockFrom,
                blockTo, accumulate, relu);
    }

    // out (blocks, br, bc) (+)= (a (rows, n) · b (cols, n)ᵀ) on the blocks of block rows [from, to)
    @Override
    public void blockSampledMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, float[] a, float[] b, int n,
                                 float[] out, int blockFrom, int blockTo, boolean accumulate) {
        BlockSampledMult.run(br, bc, blockRowPtr, blockColIdx, a, b, n, out, blockFrom, blockTo, accumulate);
    }

    // out (rows,) (+)= a (rows, n) · 1
    @Override
    public void rowSums(float[] a, int n, float[] out, int rowFrom, int rowTo, boolean accumulate) {
        RowSums.run(a, n, out, rowFrom, rowTo, accumulate);
    }

    @Override
    public void shiftedSums(float[] w, int[] offset, int from, int to, float[] x, int xFrom, float[] y, int yFrom,
                            int n) {
        Spans.sums(w, offset, from, to, x, xFrom, y, yFrom, n);
    }

    @Override
    public void shiftedDots(float[] a, int aFrom, int aStride, float[] x, int xFrom, int xStride, int images,
                            int[] offset, int from, int to, int n, float[] out) {
        Spans.dots(a, aFrom, aStride, x, xFrom, xStride, images, offset, from, to, n, out);
    }

    @Override
    public void maxPool2x2(float[] x, int height, int width, float[] y, int[] argmax, int planeFrom, int planeTo) {
        MaxPool.twoByTwo(x, height, width, y, argmax, planeFrom, planeTo);
    }

    // dst (cols, rows) = src (rows, cols)ᵀ
    @Override
    public void transpose(float[] src, int rows, int cols, float[] dst, int rowFrom, int rowTo) {
        Transpose.run(src, rows, cols, dst, rowFrom, rowTo);
    }

    // C (m, n) (+)= op(A) (m, k) · op(B) (k, n)
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        Gemm.run(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }
}
