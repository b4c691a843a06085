package rewire.kernel;

import rewire.sparse.NmMatrix;
import rewire.sparse.NmPattern;
import rewire.tensor.Tensor;

/**
 * The checked products of an {@link NmMatrix}, reached through {@link Kernels#nm()}, with the
 * verbs and contract of {@link FanInProducts}.
 *
 * <p>An N:M matrix is a constant fan-in matrix ({@code k = cols / M * N}) whose condensed form has
 * the same entry order, so every product runs the fan-in kernels on {@link NmMatrix#asFanIn()}
 * (the same values array, the column indices cached by the pattern). A kernel that computes each
 * column as {@code g * M + offset} from the byte offsets instead would save 3 of the 4 index bytes
 * per entry beside the 4·B bytes of activations each entry moves; bench/kernels-notes.md says what
 * it measured.
 *
 * <pre>
 * forward       y  = W · x            W : (out, in) N:M    x : (in, B)    y : (out, B)   mult
 * input grad    dx = Wᵀ · dy                                dy: (out, B)   dx: (in, B)    multTransA
 * weight grad   dV = (dy · xᵀ) on W's entries               dV: (out, in / M * N)        sampledMultTransB
 * </pre>
 */
public final class NmProducts implements StructuredProducts<NmMatrix, NmPattern> {
    private final FanInProducts fanIn;

    NmProducts(KernelProvider provider, Parallel parallel) {
        this.fanIn = new FanInProducts(provider, parallel, "N:M");
    }

    /** {@code y (out, B) = W (out, in) · x (in, B)}. */
    public void mult(NmMatrix w, Tensor x, Tensor y) {
        fanIn.mult(w.asFanIn(), x, y);
    }

    /** {@code y (+)= W · x}. */
    @Override
    public void mult(NmMatrix w, Tensor x, Tensor y, boolean accumulate) {
        fanIn.mult(w.asFanIn(), x, y, accumulate);
    }

    /** {@code y (out, B) = W · x + b · 1ᵀ} with {@code b (out,)}. */
    @Override
    public void multAddBias(NmMatrix w, Tensor x, Tensor bias, Tensor y) {
        fanIn.multAddBias(w.asFanIn(), x, bias, y);
    }

    /** {@code y (out, B) = max(W · x + b · 1ᵀ, 0)} with {@code b (out,)} or null. */
    @Override
    public void multAddBiasRelu(NmMatrix w, Tensor x, Tensor bias, Tensor y) {
        fanIn.multAddBiasRelu(w.asFanIn(), x, bias, y);
    }

    /** {@code dx (in, B) = Wᵀ · dy (out, B)}. */
    public void multTransA(NmMatrix w, Tensor dy, Tensor dx) {
        fanIn.multTransA(w.asFanIn(), dy, dx);
    }

    /** {@code dx (+)= Wᵀ · dy}. */
    @Override
    public void multTransA(NmMatrix w, Tensor dy, Tensor dx, boolean accumulate) {
        fanIn.multTransA(w.asFanIn(), dy, dx, accumulate);
    }

    /** {@code out (out, in / M * N) = (a (out, B) · b (in, B)ᵀ)} at the entries of {@code pattern}. */
    public void sampledMultTransB(Tensor a, Tensor b, NmPattern pattern, float[] out) {
        fanIn.sampledMultTransB(a, b, pattern.fanIn(), out);
    }

    /** {@code out (+)= (a · bᵀ)} on {@code pattern}'s entries, in its entry order. */
    @Override
    public void sampledMultTransB(Tensor a, Tensor b, NmPattern pattern, float[] out, boolean accumulate) {
        fanIn.sampledMultTransB(a, b, pattern.fanIn(), out, accumulate);
    }
}
