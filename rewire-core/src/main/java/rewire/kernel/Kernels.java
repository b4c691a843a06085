package rewire.kernel;

import java.util.Optional;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * The checked entry point to every kernel. Checks shapes (an error names both shapes), splits
 * work into fixed chunks for {@link Parallel}, and routes dense products to OpenBLAS when present.
 * Chunk boundaries depend only on the problem, so results are bit-identical for any thread count;
 * {@link Info#deterministic()} says when a setting gave that up.
 *
 * <p>Sparse kernels work on feature-major activations {@code (features, batch)}:
 * <pre>
 * forward       y  = W · x        W : CSR (out, in)   x : (in, B)    y : (out, B)    mult
 * input grad    dx = Wᵀ · dy                          dy: (out, B)   dx: (in, B)     multTransA
 * weight grad   dW = (dy · xᵀ)|W                                     dW: (nnz,)      sampledMultTransB
 * </pre>
 * A layer fused with its ReLU uses {@link #multAddBiasRelu} forward ({@code y = max(W·x + b, 0)})
 * and {@link #sampledMultTransBGated} backward, which turns {@code dy} into {@code dy ⊙ [y > 0]}
 * in place while it forms {@code dW}.
 * The diagonal format ({@link rewire.sparse.DiagonalMatrix}) has the same products under
 * {@link #diagonal()}, the constant fan-in format ({@link rewire.sparse.FanInMatrix}) under
 * {@link #fanIn()}, the N:M format ({@link rewire.sparse.NmMatrix}) under {@link #nm()} and the
 * block format ({@link rewire.sparse.BlockMatrix}) under {@link #block()}.
 * Batch-major callers ({@code x : (B, in)}) use {@link #multTransB(Tensor, CsrMatrix, Tensor)},
 * {@link #mult(Tensor, CsrMatrix, Tensor)} and {@link #sampledMultTransA}, which transpose into
 * scratch space around the same kernels.
 */
public final class Kernels {
    // Smallest amount of multiply-adds worth handing to another thread.
    private static final long MIN_CHUNK_WORK = 1L << 15;
    // Smallest op worth splitting at all (multiply-adds or elements), see grain.
    private static final long MIN_SPLIT_WORK = 1L << 21;
    // Smallest chunk of an OpenBLAS product (multiply-adds), and the row multiple of its chunks:
    // OpenBLAS packs its operands on every call, so chunks cost time on one thread (measured on the
    // MLP's 1000 x 128 x 784-1000 products: 2^23 +5-8%, 2^24 +3.5-4.5%), and too few chunks leave
    // threads idle (2^24: 6 or 7 chunks there).
    private static final long MIN_BLAS_CHUNK_WORK = 1L << 24;
    private static final int BLAS_CHUNK_ROWS = 16;
    private static volatile Kernels defaults;

    private final KernelProvider provider;
    private final DenseGemm dense;
    private final Parallel parallel;
    private final String providerReason;
    private final String blasDescription;
    private final BlasCore blasCore;
    // OpenBLAS gets each dense product whole and threads it itself (not bit-reproducible)
    private final boolean blasThreadsItself;
    private final DiagonalProducts diagonal;
    private final FanInProducts fanIn;
    private final NmProducts nm;
    private final BlockProducts block;

    /**
     * Kernels from explicit parts. Dense products through {@code blas} run in fixed row chunks on
     * {@code parallel}, one OpenBLAS call per chunk, several at once (load it with one thread).
     *
     * @param provider the sparse (and fallback dense) kernels
     * @param blas     OpenBLAS for dense products, or null to use the provider's GEMM
     * @param parallel the thread pool
     * @param reason   why this provider was chosen, for reports
     */
    public Kernels(KernelProvider provider, NativeBlas blas, Parallel parallel, String reason) {
        this(provider, blas != null ? blas : provider, parallel, reason,
                blas != null ? blas.description() : "none: dense products use the " + provider.name() + " provider",
                blas != null ? blas.core() : BlasCore.absent(), false);
    }

    /** The process-wide kernels chosen from system properties on first use. */
    public static Kernels defaults() {
        Kernels k = defaults;
        if (k == null) {
            synchronized (Kernels.class) {
                k = defaults;
                if (k == null) {
                    k = create();
                    defaults = k;
                }
            }
        }
        return k;
    }

    private static Kernels create() {
        return withThreads(Parallel.defaultThreads());
    }

    /**
     * Kernels on {@code threads} threads, with the provider and BLAS that the system properties
     * choose (as {@link #defaults()}, whose thread count is {@code -Drewire.threads}).
     */
    public static Kernels withThreads(int threads) {
        KernelSelection selection = KernelSelection.select();
        boolean blasThreadsItself = NativeBlas.threadsItself();
        String[] why = {null};
        Optional<NativeBlas> blas = NativeBlas.load(NativeBlas.threadsBeside(threads), why);
        KernelProvider p = selection.provider();
        return blas.map(b -> new Kernels(p, b, new Parallel(threads), selection.reason(), b.description(), b.core(),
                        blasThreadsItself))
                .orElseGet(() -> new Kernels(p, p, new Parallel(threads), selection.reason(), "none (" + why[0] + ")",
                        BlasCore.absent(), false));
    }

    private Kernels(KernelProvider provider, DenseGemm dense, Parallel parallel, String reason, String blas,
                    BlasCore blasCore, boolean blasThreadsItself) {
        this.provider = provider;
        this.dense = dense;
        this.parallel = parallel;
        this.providerReason = reason;
        this.blasDescription = blas;
        this.blasCore = blasCore;
        this.blasThreadsItself = blasThreadsItself;
        this.diagonal = new DiagonalProducts(provider, parallel);
        this.fanIn = new FanInProducts(provider, parallel, "fan-in");
        this.nm = new NmProducts(provider, parallel);
        this.block = new BlockProducts(provider, parallel);
    }

    /**
     * What these kernels are, for `rewire info` and run reports.
     *
     * @param deterministic whether results are bit-identical for any thread count
     * @param determinism   why they are, or which setting gave that up and how to get it back
     * @param blasCore      the kernels OpenBLAS runs against the best this CPU could run
     */
    public record Info(String provider, String providerReason, int vectorWidth, String blas, int threads,
                       boolean deterministic, String determinism, BlasCore blasCore) {
    }

    public Info info() {
        return new Info(provider.name(), providerReason, provider.vectorWidth(), blasDescription, parallel.threads(),
                !blasThreadsItself, determinism(), blasCore);
    }

    private String determinism() {
        if (blasThreadsItself) {
            return "-D" + NativeBlas.THREADING_PROPERTY + "=openblas: OpenBLAS threads each dense product itself and "
                    + "its sums depend on its thread count; leave the property unset for bit-identical results";
        }
        return "bit-identical for any thread count: every product runs in fixed chunks"
                + (dense != provider ? ", OpenBLAS single-threaded in each" : "");
    }

    public KernelProvider provider() {
        return provider;
    }

    public Parallel parallel() {
        return parallel;
    }

    /** The products of the diagonal storage format, checked and chunked like the CSR ones below. */
    public DiagonalProducts diagonal() {
        return diagonal;
    }

    /** The products of the constant fan-in (condensed) storage format, checked and chunked like the CSR ones. */
    public FanInProducts fanIn() {
        return fanIn;
    }

    /** The products of the N:M storage format, which run the fan-in kernels on its condensed form. */
    public NmProducts nm() {
        return nm;
    }

    /** The products of the block (BSR) storage format, checked and chunked by block rows. */
    public BlockProducts block() {
        return block;
    }

    // ---------------------------------------------------------------- dense

    /** {@code c (m, n) = a (m, k) · b (k, n)}. */
    public void mult(Tensor a, Tensor b, Tensor c) {
        gemm(false, false, a, b, c, false);
    }

    /** {@code c (m, n) = aᵀ · b} with {@code a (k, m)}, {@code b (k, n)}. */
    public void multTransA(Tensor a, Tensor b, Tensor c) {
        gemm(true, false, a, b, c, false);
    }

    /** {@code c (m, n) = a · bᵀ} with {@code a (m, k)}, {@code b (n, k)}. */
    public void multTransB(Tensor a, Tensor b, Tensor c) {
        gemm(false, true, a, b, c, false);
    }

    /** {@code c (+)= op(a) · op(b)}, the general dense product. */
    public void gemm(boolean transA, boolean transB, Tensor a, Tensor b, Tensor c, boolean accumulate) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm shapes do not fit: op(a) " + a.shape() + (transA ? "ᵀ" : "")
                    + " · op(b) " + b.shape() + (transB ? "ᵀ" : "") + " -> c " + c.shape());
        }
        gemmRaw(transA, transB, m, n, k, a.data(), 0, a.cols(), b.data(), 0, b.cols(), c.data(), 0, n, accumulate);
    }

    // C rows [0, m) in fixed chunks on our pool (OpenBLAS single-threaded in each, every chunk a
    // call of its own even on one thread), or one call to OpenBLAS when it threads itself.
    void gemmRaw(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                 float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        int safeLda = Math.max(1, lda);
        int safeLdb = Math.max(1, ldb);
        if (blasThreadsItself) {
            dense.gemm(transA, transB, m, n, k, a, aOff, safeLda, b, bOff, safeLdb, c, cOff, ldc, accumulate);
            return;
        }
        Parallel.RangeBody rows = (from, to) -> dense.gemm(transA, transB, to - from, n, k,
                a, aOff + (transA ? from : from * safeLda), safeLda, b, bOff, safeLdb,
                c, cOff + from * ldc, ldc, accumulate);
        if (dense == provider) {
            parallel.forRange(m, grain(m, (long) n * k, MIN_CHUNK_WORK * 8), rows);
        } else {
            parallel.forEachChunk(m, blasGrain(m, (long) n * k), rows);
        }
    }

    // Rows per chunk of an OpenBLAS product: about MIN_BLAS_CHUNK_WORK multiply-adds, rounded up
    // to a multiple of BLAS_CHUNK_ROWS; small products stay whole (see grain).
    private static int blasGrain(int m, long costPerRow) {
        int rows = grain(m, costPerRow, MIN_BLAS_CHUNK_WORK);
        return (int) Math.min(m, ((long) rows + BLAS_CHUNK_ROWS - 1) / BLAS_CHUNK_ROWS * BLAS_CHUNK_ROWS);
    }

    /** The name of the dense backend ("openblas" or the provider's name). */
    public String denseBackend() {
        return dense.name();
    }

    // ---------------------------------------------------------------- sparse, feature-major

    /** {@code y (out, B) = W (out, in) · x (in, B)}. */
    public void mult(CsrMatrix w, Tensor x, Tensor y) {
        mult(w, x, y, false);
    }

    /** {@code y (+)= W · x}. */
    public void mult(CsrMatrix w, Tensor x, Tensor y, boolean accumulate) {
        requireFeatureMajor("mult: W · x", w.cols(), x, w.rows(), y);
        SparsityPattern p = w.pattern();
        spmm(p.rowPtr(), p.colIdx(), w.values(), null, x.data(), y.data(), null, x.cols(), p.rows(), p.nnz(),
                accumulate, false);
    }

    /**
     * {@code y (out, B) = W · x + b · 1ᵀ} with {@code b (out,)}: each output element's sum starts
     * from its row's bias, so the bias costs no pass of its own.
     */
    public void multAddBias(CsrMatrix w, Tensor x, Tensor bias, Tensor y) {
        requireFeatureMajor("multAddBias: W · x + b", w.cols(), x, w.rows(), y);
        if (bias.size() != w.rows()) {
            throw new IllegalArgumentException("multAddBias: bias " + bias.shape() + " needs one entry per row of W ("
                    + w.rows() + ")");
        }
        SparsityPattern p = w.pattern();
        spmm(p.rowPtr(), p.colIdx(), w.values(), null, x.data(), y.data(), bias.data(), x.cols(), p.rows(), p.nnz(),
                false, false);
    }

    /**
     * {@code y (out, B) = max(W · x + b · 1ᵀ, 0)} with {@code b (out,)} or null: a linear layer and
     * its ReLU in one op, the output rows clamped while they are still in cache.
     */
    public void multAddBiasRelu(CsrMatrix w, Tensor x, Tensor bias, Tensor y) {
        requireFeatureMajor("multAddBiasRelu: max(W · x + b, 0)", w.cols(), x, w.rows(), y);
        if (bias != null && bias.size() != w.rows()) {
            throw new IllegalArgumentException("multAddBiasRelu: bias " + bias.shape()
                    + " needs one entry per row of W (" + w.rows() + ")");
        }
        SparsityPattern p = w.pattern();
        spmm(p.rowPtr(), p.colIdx(), w.values(), null, x.data(), y.data(), bias == null ? null : bias.data(),
                x.cols(), p.rows(), p.nnz(), false, true);
    }

    /** {@code dx (in, B) = Wᵀ · dy (out, B)}, gathering through the cached transposed pattern. */
    public void multTransA(CsrMatrix w, Tensor dy, Tensor dx) {
        multTransA(w, dy, dx, false);
    }

    /** {@code dx (+)= Wᵀ · dy}. */
    public void multTransA(CsrMatrix w, Tensor dy, Tensor dx, boolean accumulate) {
        requireFeatureMajor("multTransA: Wᵀ · dy", w.rows(), dy, w.cols(), dx);
        SparsityPattern.Transposed t = w.pattern().transposed();
        SparsityPattern p = t.pattern();
        spmm(p.rowPtr(), p.colIdx(), w.values(), t.sourceEntry(), dy.data(), dx.data(), null, dy.cols(),
                p.rows(), p.nnz(), accumulate, false);
    }

    /** {@code out (nnz,) = (a (rows, B) · b (cols, B)ᵀ)} at the entries of {@code pattern}. */
    public void sampledMultTransB(Tensor a, Tensor b, SparsityPattern pattern, float[] out) {
        sampledMultTransB(a, b, pattern, out, false);
    }

    /** {@code out (+)= (a · bᵀ)|pattern}. */
    public void sampledMultTransB(Tensor a, Tensor b, SparsityPattern pattern, float[] out, boolean accumulate) {
        sampledMultTransBGated(a, null, b, pattern, out, accumulate);
    }

    /**
     * {@code a = a ⊙ [aGate > 0]} in place, then {@code out (+)= (a · bᵀ)|pattern}: with
     * {@code aGate (rows, B)} a ReLU's output and {@code a} its gradient, {@code a} becomes the
     * gradient of the ReLU's input while the weight gradient is formed (no pass of its own).
     * {@code aGate} null gates nothing.
     */
    public void sampledMultTransBGated(Tensor a, Tensor aGate, Tensor b, SparsityPattern pattern, float[] out,
                                       boolean accumulate) {
        if (aGate != null && !aGate.shape().equals(a.shape())) {
            throw new IllegalArgumentException("sampledMultTransBGated: gate " + aGate.shape() + " must have a's shape "
                    + a.shape());
        }
        if (a.rows() != pattern.rows() || b.rows() != pattern.cols() || a.cols() != b.cols()
                || out.length != pattern.nnz()) {
            throw new IllegalArgumentException("sampledMultTransB shapes do not fit: a " + a.shape() + " · b "
                    + b.shape() + "ᵀ sampled on pattern " + pattern.rows() + " x " + pattern.cols()
                    + " -> out (" + out.length + ",) for nnz " + pattern.nnz());
        }
        int n = a.cols();
        int[] ptr = pattern.rowPtr();
        int[] idx = pattern.colIdx();
        float[] gate = aGate == null ? null : aGate.data();
        int grain = sparseGrain(pattern.rows(), pattern.nnz(), n);
        parallel.forRange(pattern.rows(), grain,
                (from, to) -> provider.sddmm(ptr, idx, a.data(), gate, b.data(), n, out, from, to, accumulate));
    }

    /** {@code out (rows,) (+)= a (rows, n) · 1}: each row's sum (a bias gradient). */
    public void rowSums(Tensor a, float[] out, boolean accumulate) {
        if (a.shape().rank() != 2 || out.length != a.rows()) {
            throw new IllegalArgumentException("rowSums: a " + a.shape() + " needs one output per row, got ("
                    + out.length + ",)");
        }
        int n = a.cols();
        parallel.forRange(a.rows(), grain(a.rows(), n, MIN_CHUNK_WORK),
                (from, to) -> provider.rowSums(a.data(), n, out, from, to, accumulate));
    }

    private void spmm(int[] ptr, int[] idx, float[] values, int[] valueIndex, float[] x, float[] y, float[] rowStart,
                      int n, int rows, int nnz, boolean accumulate, boolean relu) {
        int grain = sparseGrain(rows, nnz, n);
        parallel.forRange(rows, grain,
                (from, to) -> provider.spmm(ptr, idx, values, valueIndex, x, y, rowStart, n, from, to, accumulate, relu));
    }

    // Rows per chunk of a sparse product: about nnz / rows + 1 multiply-adds per batch column.
    static int sparseGrain(int rows, int nnz, int n) {
        return grain(rows, ((long) nnz / Math.max(1, rows) + 1) * Math.max(1, n), MIN_CHUNK_WORK);
    }

    // Rows per chunk: depends only on the problem, never on the thread count. An op under
    // MIN_SPLIT_WORK in all stays one chunk: handing part of 0.1 ms of work to a parked helper
    // costs about as long as the work on a virtual machine (a 1%-dense MLP ran slower on two
    // threads, first through its sparse products, then through its bias-gradient row sums).
    private static int grain(int rows, long costPerRow, long minChunkCost) {
        if (costPerRow * rows < MIN_SPLIT_WORK) {
            return Math.max(1, rows);
        }
        return Parallel.grainFor(rows, costPerRow, minChunkCost);
    }

    static void requireFeatureMajor(String op, int inRows, Tensor in, int outRows, Tensor out) {
        if (in.rows() != inRows || out.rows() != outRows || in.cols() != out.cols()) {
            throw new IllegalArgumentException(op + " shapes do not fit: input " + in.shape() + " needs "
                    + inRows + " rows, output " + out.shape() + " needs " + outRows + " rows, batch columns must match");
        }
    }

    // ---------------------------------------------------------------- sparse, batch-major

    /** {@code y (B, out) = x (B, in) · Wᵀ}. */
    public void multTransB(Tensor x, CsrMatrix w, Tensor y) {
        if (x.cols() != w.cols() || y.rows() != x.rows() || y.cols() != w.rows()) {
            throw new IllegalArgumentException("multTransB: x · Wᵀ shapes do not fit: x " + x.shape()
                    + ", W (" + w.rows() + ", " + w.cols() + "), y " + y.shape());
        }
        Tensor yT = Tensor.zeros(w.rows(), x.rows());
        mult(w, transpose(x), yT);
        transpose(yT, y);
    }

    /** {@code dx (B, in) = dy (B, out) · W}. */
    public void mult(Tensor dy, CsrMatrix w, Tensor dx) {
        if (dy.cols() != w.rows() || dx.rows() != dy.rows() || dx.cols() != w.cols()) {
            throw new IllegalArgumentException("mult: dy · W shapes do not fit: dy " + dy.shape()
                    + ", W (" + w.rows() + ", " + w.cols() + "), dx " + dx.shape());
        }
        Tensor dxT = Tensor.zeros(w.cols(), dy.rows());
        multTransA(w, transpose(dy), dxT);
        transpose(dxT, dx);
    }

    /** {@code dW (nnz,) = (dyᵀ · x)|pattern} with {@code dy (B, out)}, {@code x (B, in)}. */
    public void sampledMultTransA(Tensor dy, Tensor x, SparsityPattern pattern, float[] dw) {
        if (dy.rows() != x.rows()) {
            throw new IllegalArgumentException("sampledMultTransA: dy " + dy.shape() + " and x " + x.shape()
                    + " must have the same batch rows");
        }
        sampledMultTransB(transpose(dy), transpose(x), pattern, dw);
    }

    // ---------------------------------------------------------------- layout

    /** A new tensor holding the transpose of matrix {@code src}. */
    public Tensor transpose(Tensor src) {
        Tensor dst = Tensor.zeros(src.cols(), src.rows());
        transpose(src, dst);
        return dst;
    }

    /** {@code dst (cols, rows) = src (rows, cols)ᵀ}. */
    public void transpose(Tensor src, Tensor dst) {
        if (dst.rows() != src.cols() || dst.cols() != src.rows()) {
            throw new IllegalArgumentException("transpose of " + src.shape() + " cannot go into " + dst.shape());
        }
        int rows = src.rows();
        int cols = src.cols();
        parallel.forRange(rows, grain(rows, cols, MIN_CHUNK_WORK),
                (from, to) -> provider.transpose(src.data(), rows, cols, dst.data(), from, to));
    }
}
