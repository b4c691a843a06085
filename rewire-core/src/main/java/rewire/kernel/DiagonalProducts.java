package rewire.kernel;

import rewire.sparse.DiagonalMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.tensor.Tensor;

/**
 * The checked products of a {@link DiagonalMatrix}, reached through {@link Kernels#diagonal()}:
 * the diagonal format's part of the facade, with the CSR products' verbs and contract. Shapes are
 * checked here (an error names both), the work is split into fixed chunks for {@link Parallel},
 * and the provider's {@link KernelProvider#diagonalMult} and
 * {@link KernelProvider#diagonalSampledMult} do the arithmetic, so results are bit-identical for
 * any thread count.
 *
 * <pre>
 * forward       y  = W · x            W : K diagonals of (out, in)   x : (in, B)    y : (out, B)    mult
 * input grad    dx = Wᵀ · dy                                          dy: (out, B)   dx: (in, B)     multTransA
 * weight grad   dV = (dy · xᵀ) on W's diagonals                       dV: (K, D)                     sampledMultTransB
 * </pre>
 */
public final class DiagonalProducts implements StructuredProducts<DiagonalMatrix, DiagonalPattern> {
    private final KernelProvider provider;
    private final Parallel parallel;

    DiagonalProducts(KernelProvider provider, Parallel parallel) {
        this.provider = provider;
        this.parallel = parallel;
    }

    /** {@code y (out, B) = W (out, in) · x (in, B)}. */
    public void mult(DiagonalMatrix w, Tensor x, Tensor y) {
        mult(w, x, y, false);
    }

    /** {@code y (+)= W · x}. */
    @Override
    public void mult(DiagonalMatrix w, Tensor x, Tensor y, boolean accumulate) {
        Kernels.requireFeatureMajor("diagonal mult: W · x", w.cols(), x, w.rows(), y);
        run(w, false, x, y, null, accumulate, false);
    }

    /** {@code y (out, B) = W · x + b · 1ᵀ} with {@code b (out,)}: each output row's sum starts from its bias. */
    @Override
    public void multAddBias(DiagonalMatrix w, Tensor x, Tensor bias, Tensor y) {
        Kernels.requireFeatureMajor("diagonal multAddBias: W · x + b", w.cols(), x, w.rows(), y);
        requireBias("diagonal multAddBias", w, bias);
        run(w, false, x, y, bias.data(), false, false);
    }

    /** {@code y (out, B) = max(W · x + b · 1ᵀ, 0)} with {@code b (out,)} or null: a layer fused with its ReLU. */
    @Override
    public void multAddBiasRelu(DiagonalMatrix w, Tensor x, Tensor bias, Tensor y) {
        Kernels.requireFeatureMajor("diagonal multAddBiasRelu: max(W · x + b, 0)", w.cols(), x, w.rows(), y);
        if (bias != null) {
            requireBias("diagonal multAddBiasRelu", w, bias);
        }
        run(w, false, x, y, bias == null ? null : bias.data(), false, true);
    }

    /** {@code dx (in, B) = Wᵀ · dy (out, B)}. */
    public void multTransA(DiagonalMatrix w, Tensor dy, Tensor dx) {
        multTransA(w, dy, dx, false);
    }

    /** {@code dx (+)= Wᵀ · dy}. */
    @Override
    public void multTransA(DiagonalMatrix w, Tensor dy, Tensor dx, boolean accumulate) {
        Kernels.requireFeatureMajor("diagonal multTransA: Wᵀ · dy", w.rows(), dy, w.cols(), dx);
        run(w, true, dy, dx, null, accumulate, false);
    }

    /** {@code out (K, D) = (a (rows, B) · b (cols, B)ᵀ)} at the positions of {@code pattern}'s diagonals. */
    public void sampledMultTransB(Tensor a, Tensor b, DiagonalPattern pattern, float[] out) {
        sampledMultTransB(a, b, pattern, out, false);
    }

    /** {@code out (+)= (a · bᵀ)} on {@code pattern}'s diagonals, {@code out[k * D + i]} at position i of diagonal k. */
    @Override
    public void sampledMultTransB(Tensor a, Tensor b, DiagonalPattern pattern, float[] out, boolean accumulate) {
        if (a.rows() != pattern.rows() || b.rows() != pattern.cols() || a.cols() != b.cols()
                || out.length != pattern.nnz()) {
            throw new IllegalArgumentException("diagonal sampledMultTransB shapes do not fit: a " + a.shape() + " · b "
                    + b.shape() + "ᵀ sampled on " + pattern + " -> out (" + out.length + ",) for "
                    + pattern.count() + " x " + pattern.length() + " entries");
        }
        int n = a.cols();
        int d = pattern.length();
        int[] diagonals = pattern.diagonals();
        parallel.forRange(d, Kernels.sparseGrain(d, pattern.nnz(), n),
                (from, to) -> provider.diagonalSampledMult(pattern.rows(), pattern.cols(), diagonals, a.data(),
                        b.data(), n, out, from, to, accumulate));
    }

    // y (out rows, n) = W · x or Wᵀ · x in fixed chunks of output rows
    private void run(DiagonalMatrix w, boolean transpose, Tensor x, Tensor y, float[] rowStart, boolean accumulate,
                     boolean relu) {
        DiagonalPattern p = w.pattern();
        int n = x.cols();
        int outRows = y.rows();
        parallel.forRange(outRows, Kernels.sparseGrain(outRows, p.nnz(), n),
                (from, to) -> provider.diagonalMult(p.rows(), p.cols(), p.diagonals(), w.values(), transpose,
                        x.data(), y.data(), rowStart, n, from, to, accumulate, relu));
    }

    private static void requireBias(String op, DiagonalMatrix w, Tensor bias) {
        if (bias.size() != w.rows()) {
            throw new IllegalArgumentException(op + ": bias " + bias.shape() + " needs one entry per row of W ("
                    + w.rows() + ")");
        }
    }
}
