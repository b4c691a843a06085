package rewire.kernel;

import rewire.tensor.Tensor;

/**
 * The products a structured storage format offers under {@link Kernels}, with the CSR products'
 * verbs and contract: a layer's forward pass, input gradient and weight gradient on the pattern.
 * Code that serves every format (the structured linear op, the kernel contract) is written once
 * against this.
 *
 * <pre>
 * forward       y  = W · x (+ b · 1ᵀ) (then ReLU)     W : M (out, in)   x : (in, B)    y : (out, B)
 * input grad    dx = Wᵀ · dy                                            dy: (out, B)   dx: (in, B)
 * weight grad   out = (a · bᵀ) on the pattern P, in the format's entry order
 * </pre>
 *
 * @param <M> the format's matrix
 * @param <P> the format's pattern
 */
public interface StructuredProducts<M, P> {

    /** {@code y (+)= W · x}. */
    void mult(M w, Tensor x, Tensor y, boolean accumulate);

    /** {@code y = W · x + b · 1ᵀ}. */
    void multAddBias(M w, Tensor x, Tensor bias, Tensor y);

    /** {@code y = max(W · x + b · 1ᵀ, 0)}, {@code bias} null for none. */
    void multAddBiasRelu(M w, Tensor x, Tensor bias, Tensor y);

    /** {@code dx (+)= Wᵀ · dy}. */
    void multTransA(M w, Tensor dy, Tensor dx, boolean accumulate);

    /** {@code out (+)= (a · bᵀ)} at the entries of {@code pattern}, in its entry order. */
    void sampledMultTransB(Tensor a, Tensor b, P pattern, float[] out, boolean accumulate);
}
