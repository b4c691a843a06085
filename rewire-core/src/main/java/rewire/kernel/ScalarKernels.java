package rewire.kernel;

import rewire.sparse.DiagonalPattern;

/**
 * The reference kernels: plain loops in the most obvious order. Every other provider, and every
 * parallel path, is tested against this class; it stays forever, so keep it simple rather than
 * fast.
 */
public final class ScalarKernels implements KernelProvider {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int vectorWidth() {
        return 1;
    }

    // C (m, n) (+)= op(A) (m, k) · op(B) (k, n); i-p-j order so the inner loop is an axpy over C's row.
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, cRow, cRow + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                for (int j = 0; j < n; j++) {
                    float bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    c[cRow + j] += aip * bpj;
                }
            }
        }
    }

    // y (rows, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S (rows, cols) · x (cols, n)
    @Override
    public void spmm(int[] rowPtr, int[] colIdx, float[] values, int[] valueIndex,
                     float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate,
                     boolean relu) {
        for (int r = rowFrom; r < rowTo; r++) {
            int yRow = r * n;
            if (!accumulate) {
                startRow(y, yRow, n, rowStart, r);
            }
            for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                float w = valueIndex == null ? values[e] : values[valueIndex[e]];
                int xRow = colIdx[e] * n;
                for (int j = 0; j < n; j++) {
                    y[yRow + j] += w * x[xRow + j];
                }
            }
            if (relu) {
                reluRow(y, yRow, n);
            }
        }
    }

    // out (nnz,) (+)= (a (rows, n) · b (cols, n)^T) at the pattern's entries
    @Override
    public void sddmm(int[] rowPtr, int[] colIdx, float[] a, float[] aGate, float[] b, int n, float[] out,
                      int rowFrom, int rowTo, boolean accumulate) {
        for (int r = rowFrom; r < rowTo; r++) {
            int aRow = r * n;
            if (aGate != null) {
                for (int j = aRow; j < aRow + n; j++) {
                    a[j] = aGate[j] > 0 ? a[j] : 0f;
                }
            }
            for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                int bRow = colIdx[e] * n;
                float sum = 0f;
                for (int j = 0; j < n; j++) {
                    sum += a[aRow + j] * b[bRow + j];
                }
                out[e] = accumulate ? out[e] + sum : sum;
            }
        }
    }

    // y (out, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S · x (S (rows, cols), or Sᵀ) diagonal by diagonal.
    // Position i of a diagonal sits on the short side at i and on the long side at i + p mod P.
    @Override
    public void diagonalMult(int rows, int cols, int[] diagonals, float[] values, boolean transpose,
                             float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate,
                             boolean relu) {
        int d = DiagonalPattern.length(rows, cols);
        int count = DiagonalPattern.count(rows, cols);
        boolean outputIsLong = transpose != (rows >= cols);
        for (int o = rowFrom; o < rowTo; o++) {
            int yRow = o * n;
            if (!accumulate) {
                startRow(y, yRow, n, rowStart, o);
            }
            for (int k = 0; k < diagonals.length; k++) {
                int i = outputIsLong ? Math.floorMod(o - diagonals[k], count) : o;
                if (i >= d) {
                    continue; // this diagonal does not reach output row o
                }
                int xRow = (outputIsLong ? i : (o + diagonals[k]) % count) * n;
                float w = values[k * d + i];
                for (int j = 0; j < n; j++) {
                    y[yRow + j] += w * x[xRow + j];
                }
            }
            if (relu) {
                reluRow(y, yRow, n);
            }
        }
    }

    // out (K, D) (+)= (a (rows, n) · b (cols, n)ᵀ) at the diagonals' positions [from, to)
    @Override
    public void diagonalSampledMult(int rows, int cols, int[] diagonals, float[] a, float[] b, int n, float[] out,
                                    int from, int to, boolean accumulate) {
        int d = DiagonalPattern.length(rows, cols);
        for (int k = 0; k < diagonals.length; k++) {
            for (int i = from; i < to; i++) {
                int aRow = DiagonalPattern.row(rows, cols, diagonals[k], i) * n;
                int bRow = DiagonalPattern.col(rows, cols, diagonals[k], i) * n;
                float sum = 0f;
                for (int j = 0; j < n; j++) {
                    sum += a[aRow + j] * b[bRow + j];
                }
                int e = k * d + i;
                out[e] = accumulate ? out[e] + sum : sum;
            }
        }
    }

    // y (rows, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S (rows, cols) · x (cols, n), k entries a row
    @Override
    public void fanInMult(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart, int n,
                          int rowFrom, int rowTo, boolean accumulate, boolean relu) {
        for (int r = rowFrom; r < rowTo; r++) {
            int yRow = r * n;
            if (!accumulate) {
                startRow(y, yRow, n, rowStart, r);
            }
            for (int e = r * k; e < r * k + k; e++) {
                int xRow = colIdx[e] * n;
                for (int j = 0; j < n; j++) {
                    y[yRow + j] += values[e] * x[xRow + j];
                }
            }
            if (relu) {
                reluRow(y, yRow, n);
            }
        }
    }

    // y (out, n) = rowStart · 1ᵀ (or 0), or y (+)=, then + S · x (S (rows, cols) in br x bc blocks, or Sᵀ), block
    // by block. An output block row has h rows and reads w input rows per block: br and bc for S, bc and br for Sᵀ.
    @Override
    public void blockMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, int[] blockOf, float[] values,
                          boolean transpose, float[] x, float[] y, float[] rowStart, int n, int blockFrom,
                          int blockTo, boolean accumulate, boolean relu) {
        int h = transpose ? bc : br;
        int w = transpose ? br : bc;
        for (int rb = blockFrom; rb < blockTo; rb++) {
            for (int o = rb * h; o < rb * h + h; o++) {
                int yRow = o * n;
                if (!accumulate) {
                    startRow(y, yRow, n, rowStart, o);
                }
                for (int t = blockRowPtr[rb]; t < blockRowPtr[rb + 1]; t++) {
                    int block = (blockOf == null ? t : blockOf[t]) * br * bc;
                    for (int k = 0; k < w; k++) {
                        // entry (o mod h, k) of the output's block: (i, j) of S's block, or (j, i) transposed
                        float v = values[block + (transpose ? k * bc + o % h : o % h * bc + k)];
                        int xRow = (blockColIdx[t] * w + k) * n;
                        for (int j = 0; j < n; j++) {
                            y[yRow + j] += v * x[xRow + j];
                        }
                    }
                }
                if (relu) {
                    reluRow(y, yRow, n);
                }
            }
        }
    }

    // out (rows, k) (+)= (a (rows, n) · b (cols, n)ᵀ) at the pattern's entries
    @Override
    public void fanInSampledMult(int k, int[] colIdx, float[] a, float[] b, int n, float[] out, int rowFrom,
                                 int rowTo, boolean accumulate) {
        for (int r = rowFrom; r < rowTo; r++) {
            int aRow = r * n;
            for (int e = r * k; e < r * k + k; e++) {
                int bRow = colIdx[e] * n;
                float sum = 0f;
                for (int j = 0; j < n; j++) {
                    sum += a[aRow + j] * b[bRow + j];
                }
                out[e] = accumulate ? out[e] + sum : sum;
            }
        }
    }

    // out (blocks, br, bc) (+)= (a (rows, n) · b (cols, n)ᵀ) at the entries of the blocks of block rows [from, to)
    @Override
    public void blockSampledMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, float[] a, float[] b, int n,
                                 float[] out, int blockFrom, int blockTo, boolean accumulate) {
        for (int rb = blockFrom; rb < blockTo; rb++) {
            for (int t = blockRowPtr[rb]; t < blockRowPtr[rb + 1]; t++) {
                for (int i = 0; i < br; i++) {
                    for (int j = 0; j < bc; j++) {
                        int aRow = (rb * br + i) * n;
                        int bRow = (blockColIdx[t] * bc + j) * n;
                        float sum = 0f;
                        for (int q = 0; q < n; q++) {
                            sum += a[aRow + q] * b[bRow + q];
                        }
                        int e = t * br * bc + i * bc + j;
                        out[e] = accumulate ? out[e] + sum : sum;
                    }
                }
            }
        }
    }

    // out (rows,) (+)= a (rows, n) · 1, each row one chain of double additions
    @Override
    public void rowSums(float[] a, int n, float[] out, int rowFrom, int rowTo, boolean accumulate) {
        for (int r = rowFrom; r < rowTo; r++) {
            double sum = 0;
            for (int j = r * n, end = j + n; j < end; j++) {
                sum += a[j];
            }
            out[r] = accumulate ? out[r] + (float) sum : (float) sum;
        }
    }

    // dst (cols, rows) = src (rows, cols)^T
    @Override
    public void transpose(float[] src, int rows, int cols, float[] dst, int rowFrom, int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
    }

    @Override
    public void shiftedSums(float[] w, int[] offset, int from, int to, float[] x, int xFrom, float[] y, int yFrom,
                            int n) {
        java.util.Arrays.fill(y, yFrom, yFrom + n, 0f);
        for (int e = from; e < to; e++) {
            int p = xFrom + offset[e];
            for (int t = 0; t < n; t++) {
                y[yFrom + t] += w[e] * x[p + t];
            }
        }
    }

    @Override
    public void shiftedDots(float[] a, int aFrom, int aStride, float[] x, int xFrom, int xStride, int images,
                            int[] offset, int from, int to, int n, float[] out) {
        for (int e = from; e < to; e++) {
            float sum = 0;
            for (int b = 0; b < images; b++) {
                int ab = aFrom + b * aStride;
                int p = xFrom + b * xStride + offset[e];
                for (int t = 0; t < n; t++) {
                    sum += a[ab + t] * x[p + t];
                }
            }
            out[e] += sum;
        }
    }

    @Override
    public void maxPool2x2(float[] x, int height, int width, float[] y, int[] argmax, int planeFrom, int planeTo) {
        int oh = height / 2;
        int ow = width / 2;
        for (int plane = planeFrom; plane < planeTo; plane++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    int p = plane * height * width + 2 * r * width + 2 * c;
                    float tl = x[p];
                    float tr = x[p + 1];
                    float bl = x[p + width];
                    float max = Math.max(Math.max(tl, tr), Math.max(bl, x[p + width + 1]));
                    int o = (plane * oh + r) * ow + c;
                    y[o] = max;
                    argmax[o] = p + (tl == max ? 0 : tr == max ? 1 : bl == max ? width : width + 1);
                }
            }
        }
    }

    // y[yRow, yRow + n) = rowStart[row] (or 0): an output row before its products are added
    private static void startRow(float[] y, int yRow, int n, float[] rowStart, int row) {
        java.util.Arrays.fill(y, yRow, yRow + n, rowStart == null ? 0f : rowStart[row]);
    }

    // y[yRow, yRow + n) = max(y, 0): the fused ReLU of a finished output row
    private static void reluRow(float[] y, int yRow, int n) {
        for (int j = yRow; j < yRow + n; j++) {
            y[j] = Math.max(y[j], 0f);
        }
    }
}
