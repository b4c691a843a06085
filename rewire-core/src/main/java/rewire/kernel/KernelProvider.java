package rewire.kernel;

/**
 * The service provider interface of compute kernels. Implementations are found through
 * {@link java.util.ServiceLoader} (rewire-simd registers the Vector API provider);
 * {@link ScalarKernels} is the reference every provider is tested against.
 *
 * <p>Contract for all methods: arguments are not checked (the {@link Kernels} facade does that),
 * nothing is allocated, and only the output rows in {@code [rowFrom, rowTo)} are written, so the
 * facade can run disjoint row ranges on different threads. Within one output element the
 * summation order must not depend on the row range, which makes results bitwise identical for
 * any chunking and thread count.
 *
 * <p>Sparse operands are CSR arrays ({@code rowPtr}, {@code colIdx}), a diagonal pattern's
 * shape and diagonals with a {@code (K, D)} values array, a constant fan-in pattern's condensed
 * {@code (rows, k)} column indices and values, or a block pattern's block shape and CSR arrays
 * over its block grid with a {@code (blocks, br, bc)} values array; dense operands are row-major
 * {@code (rows, n)} matrices whose rows are contiguous runs of {@code n} floats (feature-major
 * activations: {@code n} is the batch).
 */
public interface KernelProvider extends DenseGemm {

    /** Floats per vector register this provider computes with (1 for scalar code). */
    int vectorWidth();

    /**
     * Sparse times dense: for each row {@code r} in range,
     * {@code y[r, :] (+)= sum_e w(e) * x[colIdx[e], :]} over the entries {@code e} of row r, where
     * {@code w(e) = values[e]}, or {@code values[valueIndex[e]]} when {@code valueIndex != null}
     * (the transposed-pattern form of {@code W^T dy}). Without {@code accumulate}, every element
     * of row r starts from {@code rowStart[r]} (a bias) instead of 0 when {@code rowStart != null};
     * with it, {@code rowStart} is null. With {@code relu}, the finished rows of the range are
     * replaced by {@code max(y[r, :], 0)} while they are still in cache (a linear layer fused with
     * its ReLU).
     *
     * <pre>
     * S : CSR (rows, cols)   x : (cols, n)   y : (rows, n)   rowStart : (rows,) or null
     * </pre>
     */
    void spmm(int[] rowPtr, int[] colIdx, float[] values, int[] valueIndex,
              float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate, boolean relu);

    /**
     * Sampled dense-dense product: for each entry {@code e = (r, c)} of the rows in range,
     * {@code out[e] (+)= dot(a[r, :], b[c, :])}. When {@code aGate != null}, each row of {@code a}
     * in range is first gated <em>in place</em>: {@code a[r, j] = 0} wherever
     * {@code !(aGate[r, j] > 0)}. With {@code aGate} a ReLU's output and {@code a} the gradient of
     * that output, this turns {@code a} into the gradient of the ReLU's input on the way (the
     * only write to an input any kernel makes).
     *
     * <pre>
     * a : (rows, n)   aGate : (rows, n) or null   b : (cols, n)   out : (nnz,) aligned with the pattern
     * </pre>
     */
    void sddmm(int[] rowPtr, int[] colIdx, float[] a, float[] aGate, float[] b, int n, float[] out,
               int rowFrom, int rowTo, boolean accumulate);

    /**
     * Diagonal times dense: {@code y (+)= S · x}, or {@code S^T · x} with {@code transpose}, for the
     * output rows in range, where {@code S} is the {@code rows x cols} matrix of the given
     * wrap-around diagonals (strictly increasing, {@link rewire.sparse.DiagonalPattern}'s layout)
     * and {@code values (K, D)} their values. Each output row's sum runs over the diagonals in
     * order; {@code rowStart} and {@code relu} work as in {@link #spmm}.
     *
     * <pre>
     * S : (rows, cols), K diagonals   x : (cols, n)   y : (rows, n)   rowStart : (rows,) or null
     * transposed:                      x : (rows, n)   y : (cols, n)   rowStart : null
     * </pre>
     */
    void diagonalMult(int rows, int cols, int[] diagonals, float[] values, boolean transpose,
                      float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate,
                      boolean relu);

    /**
     * Sampled dense-dense product on diagonals: {@code out[k * D + i] (+)= dot(a[r, :], b[c, :])}
     * where {@code (r, c)} is position {@code i} of the k-th diagonal of a {@code rows x cols}
     * matrix, for the positions {@code i} in {@code [from, to)} of every diagonal. The range runs
     * along the diagonals, so chunks write disjoint entries.
     *
     * <pre>
     * a : (rows, n)   b : (cols, n)   out : (K, D) aligned with the diagonal values
     * </pre>
     */
    void diagonalSampledMult(int rows, int cols, int[] diagonals, float[] a, float[] b, int n, float[] out,
                             int from, int to, boolean accumulate);

    /**
     * Constant fan-in times dense: for each row {@code r} in range,
     * {@code y[r, :] (+)= sum_t values[r * k + t] * x[colIdx[r * k + t], :]} over {@code t} in
     * {@code [0, k)} in order, where {@code colIdx} and {@code values} are a
     * {@link rewire.sparse.FanInPattern}'s condensed {@code (rows, k)} arrays; {@code rowStart} and
     * {@code relu} work as in {@link #spmm}. There is no transposed form: {@code Sᵀ} has no constant
     * fan-in, so the facade runs {@code Sᵀ · x} through {@link #spmm} on the pattern's cached
     * transpose, like CSR's.
     *
     * <pre>
     * S : (rows, cols), k entries a row   colIdx, values : (rows, k)   x : (cols, n)   y : (rows, n)
     * rowStart : (rows,) or null
     * </pre>
     */
    void fanInMult(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart, int n, int rowFrom,
                   int rowTo, boolean accumulate, boolean relu);

    /**
     * Sampled dense-dense product on a constant fan-in pattern:
     * {@code out[r * k + t] (+)= dot(a[r, :], b[colIdx[r * k + t], :])} for the rows in range.
     *
     * <pre>
     * a : (rows, n)   b : (cols, n)   colIdx, out : (rows, k) aligned with the condensed values
     * </pre>
     */
    void fanInSampledMult(int k, int[] colIdx, float[] a, float[] b, int n, float[] out, int rowFrom, int rowTo,
                          boolean accumulate);

    /**
     * Block-sparse times dense: {@code y (+)= S · x}, or {@code Sᵀ · x} with {@code transpose}, for
     * the output rows of the block rows {@code [blockFrom, blockTo)}, where {@code S} is a matrix
     * of dense {@code br x bc} blocks ({@link rewire.sparse.BlockPattern}'s layout) with
     * {@code values (blocks, br, bc)}, each block row-major. {@code blockRowPtr} and
     * {@code blockColIdx} are the CSR arrays of the <em>output's</em> block grid: {@code S}'s grid
     * for {@code S · x} (output block rows of {@code br} rows), the transposed grid for
     * {@code Sᵀ · x} (output block rows of {@code bc} rows, one per block column of {@code S}).
     * Grid entry {@code t} takes the values of block {@code t}, or of block {@code blockOf[t]} when
     * {@code blockOf != null} (the transposed grid's source blocks), read transposed with
     * {@code transpose}. Each output row's sum runs over its grid entries in order and, within a
     * block, over the block's input rows in order; {@code rowStart} and {@code relu} work as in
     * {@link #spmm}.
     *
     * <pre>
     * S : (rows, cols) in br x bc blocks   x : (cols, n)   y : (rows, n)   rowStart : (rows,) or null
     * transposed:                           x : (rows, n)   y : (cols, n)   rowStart : null
     * </pre>
     */
    void blockMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, int[] blockOf, float[] values,
                   boolean transpose, float[] x, float[] y, float[] rowStart, int n, int blockFrom, int blockTo,
                   boolean accumulate, boolean relu);

    /**
     * Sampled dense-dense product on blocks: {@code out[b * br * bc + i * bc + j] (+)=
     * dot(a[R * br + i, :], b[C * bc + j, :])} for every block {@code b = (R, C)} of the block rows
     * {@code [blockFrom, blockTo)} of {@code S}'s grid ({@code blockRowPtr}, {@code blockColIdx}),
     * so chunks of block rows write disjoint blocks.
     *
     * <pre>
     * a : (rows, n)   b : (cols, n)   out : (blocks, br, bc) aligned with the block values
     * </pre>
     */
    void blockSampledMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, float[] a, float[] b, int n,
                          float[] out, int blockFrom, int blockTo, boolean accumulate);

    /**
     * Row sums: {@code out[r] (+)= Σ_j a[r, j]} for each row in range, summed in at least double
     * the precision of one float chain over long rows (the bias gradient of a layer).
     *
     * <pre>
     * a : (rows, n)   out : (rows,)
     * </pre>
     */
    void rowSums(float[] a, int n, float[] out, int rowFrom, int rowTo, boolean accumulate);

    /** {@code dst (cols, rows) = src (rows, cols)} transposed, for source rows {@code [rowFrom, rowTo)}. */
    void transpose(float[] src, int rows, int cols, float[] dst, int rowFrom, int rowTo);

    /**
     * A weighted sum of shifted runs, the inner loop of the direct sparse convolution
     * ({@code rewire.autodiff.SparseConvOps}): one output plane from the nonzeros of one kernel row,
     * or one input-gradient plane from the nonzeros of one input channel. The run of {@code y} is
     * overwritten (zeros when {@code from == to}).
     * <pre>
     * y[yFrom + t] = Σ_{e ∈ [from, to)} w[e] · x[xFrom + offset[e] + t]        t < n
     * </pre>
     */
    void shiftedSums(float[] w, int[] offset, int from, int to, float[] x, int xFrom, float[] y, int yFrom, int n);

    /**
     * Dot products of one run with shifted runs, over a batch of images: the weight gradients of
     * one kernel row of the direct sparse convolution. Summed in float in an order fixed by
     * {@code n} and {@code images}.
     * <pre>
     * out[e] += Σ_{b < images} Σ_{t < n} a[aFrom + b·aStride + t] · x[xFrom + b·xStride + offset[e] + t]   e ∈ [from, to)
     * </pre>
     */
    void shiftedDots(float[] a, int aFrom, int aStride, float[] x, int xFrom, int xStride, int images,
                     int[] offset, int from, int to, int n, float[] out);

    /**
     * Max pooling over 2x2 windows with stride 2 for planes {@code [planeFrom, planeTo)}: each output
     * is the window's maximum ({@link Math#max}: NaN wins, {@code +0.0} over {@code -0.0}) and its
     * argmax the first corner equal to it in row-major order (top-left, top-right, bottom-left,
     * bottom-right; bottom-right when the maximum is NaN). An odd last row or column is left out.
     * <pre>
     * x : (planes, H·W)   y, argmax : (planes, (H/2)·(W/2))   argmax[o] = index into x of y[o]
     * </pre>
     */
    void maxPool2x2(float[] x, int height, int width, float[] y, int[] argmax, int planeFrom, int planeTo);
}
