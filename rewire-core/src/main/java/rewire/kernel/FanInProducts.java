package rewire.kernel;

import rewire.sparse.FanInMatrix;
import rewire.sparse.FanInPattern;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * The checked products of a {@link FanInMatrix} (constant fan-in, condensed), reached through
 * {@link Kernels#fanIn()}, and of an N:M matrix through {@link NmProducts}: the format's part of
 * the facade, with the CSR products' verbs and contract. Shapes are checked here (an error names
 * both), the work is split into fixed chunks of output rows for {@link Parallel}, and the
 * provider does the arithmetic, so results are bit-identical for any thread count.
 *
 * <pre>
 * forward       y  = W · x            W : (out, in), k inputs a row   x : (in, B)    y : (out, B)   mult
 * input grad    dx = Wᵀ · dy                                           dy: (out, B)   dx: (in, B)    multTransA
 * weight grad   dV = (dy · xᵀ) on W's entries                          dV: (out, k)                  sampledMultTransB
 * </pre>
 * The forward and the weight gradient run {@link KernelProvider#fanInMult} and
 * {@link KernelProvider#fanInSampledMult} over output rows. {@code Wᵀ} has no constant fan-in (an
 * input feeds any number of rows), so the input gradient gathers through the pattern's cached CSR
 * transpose with {@link KernelProvider#spmm}, as CSR's {@code multTransA} does: chunks of input
 * rows write disjoint rows of {@code dx}, never scatter. Its {@code sourceEntry} indexes the
 * condensed values directly, condensed order being CSR order.
 */
public final class FanInProducts implements StructuredProducts<FanInMatrix, FanInPattern> {
    private final KernelProvider provider;
    private final Parallel parallel;
    private final String format;

    FanInProducts(KernelProvider provider, Parallel parallel, String format) {
        this.provider = provider;
        this.parallel = parallel;
        this.format = format;
    }

    /** {@code y (out, B) = W (out, in) · x (in, B)}. */
    public void mult(FanInMatrix w, Tensor x, Tensor y) {
        mult(w, x, y, false);
    }

    /** {@code y (+)= W · x}. */
    @Override
    public void mult(FanInMatrix w, Tensor x, Tensor y, boolean accumulate) {
        Kernels.requireFeatureMajor(format + " mult: W · x", w.cols(), x, w.rows(), y);
        forward(w, x, y, null, accumulate, false);
    }

    /** {@code y (out, B) = W · x + b · 1ᵀ} with {@code b (out,)}: each output row's sum starts from its bias. */
    @Override
    public void multAddBias(FanInMatrix w, Tensor x, Tensor bias, Tensor y) {
        Kernels.requireFeatureMajor(format + " multAddBias: W · x + b", w.cols(), x, w.rows(), y);
        requireBias(format + " multAddBias", w, bias);
        forward(w, x, y, bias.data(), false, false);
    }

    /** {@code y (out, B) = max(W · x + b · 1ᵀ, 0)} with {@code b (out,)} or null: a layer fused with its ReLU. */
    @Override
    public void multAddBiasRelu(FanInMatrix w, Tensor x, Tensor bias, Tensor y) {
        Kernels.requireFeatureMajor(format + " multAddBiasRelu: max(W · x + b, 0)", w.cols(), x, w.rows(), y);
        if (bias != null) {
            requireBias(format + " multAddBiasRelu", w, bias);
        }
        forward(w, x, y, bias == null ? null : bias.data(), false, true);
    }

    /** {@code dx (in, B) = Wᵀ · dy (out, B)}. */
    public void multTransA(FanInMatrix w, Tensor dy, Tensor dx) {
        multTransA(w, dy, dx, false);
    }

    /** {@code dx (+)= Wᵀ · dy}, gathering through the cached transposed pattern. */
    @Override
    public void multTransA(FanInMatrix w, Tensor dy, Tensor dx, boolean accumulate) {
        Kernels.requireFeatureMajor(format + " multTransA: Wᵀ · dy", w.rows(), dy, w.cols(), dx);
        SparsityPattern.Transposed t = w.pattern().toCsr().transposed();
        SparsityPattern p = t.pattern();
        int n = dy.cols();
        parallel.forRange(p.rows(), Kernels.sparseGrain(p.rows(), p.nnz(), n),
                (from, to) -> provider.spmm(p.rowPtr(), p.colIdx(), w.values(), t.sourceEntry(), dy.data(), dx.data(),
                        null, n, from, to, accumulate, false));
    }

    /** {@code out (out, k) = (a (out, B) · b (in, B)ᵀ)} at the entries of {@code pattern}. */
    public void sampledMultTransB(Tensor a, Tensor b, FanInPattern pattern, float[] out) {
        sampledMultTransB(a, b, pattern, out, false);
    }

    /** {@code out (+)= (a · bᵀ)} on {@code pattern}'s entries, {@code out[r * k + t]} at the t-th input of row r. */
    @Override
    public void sampledMultTransB(Tensor a, Tensor b, FanInPattern pattern, float[] out, boolean accumulate) {
        if (a.rows() != pattern.rows() || b.rows() != pattern.cols() || a.cols() != b.cols()
                || out.length != pattern.nnz()) {
            throw new IllegalArgumentException(format + " sampledMultTransB shapes do not fit: a " + a.shape()
                    + " · b " + b.shape() + "ᵀ sampled on " + pattern + " -> out (" + out.length + ",) for "
                    + pattern.rows() + " x " + pattern.k() + " entries");
        }
        int n = a.cols();
        int rows = pattern.rows();
        parallel.forRange(rows, Kernels.sparseGrain(rows, pattern.nnz(), n),
                (from, to) -> provider.fanInSampledMult(pattern.k(), pattern.colIdx(), a.data(), b.data(), n, out,
                        from, to, accumulate));
    }

    // y (out, n) = W · x in fixed chunks of output rows
    private void forward(FanInMatrix w, Tensor x, Tensor y, float[] rowStart, boolean accumulate, boolean relu) {
        FanInPattern p = w.pattern();
        int n = x.cols();
        parallel.forRange(p.rows(), Kernels.sparseGrain(p.rows(), p.nnz(), n),
                (from, to) -> provider.fanInMult(p.k(), p.colIdx(), w.values(), x.data(), y.data(), rowStart, n,
                        from, to, accumulate, relu));
    }

    private static void requireBias(String op, FanInMatrix w, Tensor bias) {
        if (bias.size() != w.rows()) {
            throw new IllegalArgumentException(op + ": bias " + bias.shape() + " needs one entry per row of W ("
                    + w.rows() + ")");
        }
    }
}
