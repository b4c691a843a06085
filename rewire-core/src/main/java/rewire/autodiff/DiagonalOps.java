package rewire.autodiff;

import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.tensor.Shape;

/**
 * DynaDiag's soft top-K gate (Tyagi et al., ICML 2025, "Dynamic Sparse Training of Diagonally
 * Sparse Networks"; METHODS F.1), which weighs each wrap-around diagonal of a weight by a learned
 * importance. The linear map on the diagonal storage format is {@link StructuredLinearOps#diagonal}.
 */
public final class DiagonalOps {
    private DiagonalOps() {
    }

    /**
     * DynaDiag's soft top-K weights {@code a = clamp(K · softmax(alpha / tau), 0, 1)} (F.1); their
     * sum is at most K. Computed in double precision.
     *
     * @throws IllegalArgumentException when {@code tau} is not positive or {@code k} not in {@code [1, P]}
     */
    public static float[] softTopK(float[] alpha, int k, double tau) {
        double[] softmax = new double[alpha.length];
        double[] scaled = new double[alpha.length];
        float[] a = new float[alpha.length];
        softTopK(alpha, k, tau, softmax, scaled, a);
        return a;
    }

    // softmax (P,) = softmax(alpha / tau), scaled (P,) = K · softmax, a (P,) = clamp(scaled, 0, 1)
    private static void softTopK(float[] alpha, int k, double tau, double[] softmax, double[] scaled, float[] a) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("soft top-K: temperature must be positive, got " + tau);
        }
        if (k < 1 || k > alpha.length) {
            throw new IllegalArgumentException("soft top-K: K = " + k + " outside [1, " + alpha.length + "]");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : alpha) {
            max = Math.max(max, v / tau);
        }
        double sum = 0;
        for (int p = 0; p < alpha.length; p++) {
            softmax[p] = Math.exp(alpha[p] / tau - max);
            sum += softmax[p];
        }
        for (int p = 0; p < alpha.length; p++) {
            softmax[p] /= sum;
            scaled[p] = k * softmax[p];
            a[p] = (float) Math.min(1, scaled[p]);
        }
    }

    /**
     * The gated weight {@code W' = Σ_p a_p · diag_p(W)}: entry {@code e} of the sparse weight
     * {@code w}, on diagonal {@code diagonalOf[e]}, scaled by {@code a} of {@link #softTopK}.
     * <pre>
     * w : (nnz,) on a pattern of whole diagonals    alpha : (P,)    W' : (nnz,) on the same pattern
     * dw_e     += a_p · dW'_e                                         p = diagonalOf[e]
     * g_p       = [0 < s_p < 1] · Σ_{e on p} w_e · dW'_e               s = K · softmax(alpha / tau)
     * dalpha_q += (g_q s_q − softmax_q Σ_p g_p s_p) / tau
     * </pre>
     * The clamp passes no gradient where it is active, as a clamp does in PyTorch.
     *
     * @param diagonalOf the diagonal of each entry of {@code w}, in CSR order
     */
    public static Var gate(Tape tape, Var w, Var alpha, int[] diagonalOf, int k, double tau) {
        CsrMatrix weight = Checks.requireSparse("diagonal gate", "weight", w);
        Checks.requireDense("diagonal gate", "importance logits", alpha);
        int count = DiagonalPattern.count(weight.rows(), weight.cols());
        if (alpha.value().size() != count || diagonalOf.length != weight.nnz()) {
            throw new IllegalArgumentException("diagonal gate: " + weight.rows() + " x " + weight.cols() + " has " + count
                    + " diagonals and " + weight.nnz() + " entries; got " + alpha.value().size() + " logits and "
                    + diagonalOf.length + " diagonal indices");
        }
        double[] softmax = new double[count];
        double[] scaled = new double[count];
        float[] a = tape.scratch(Shape.of(count)).data();
        softTopK(alpha.value().data(), k, tau, softmax, scaled, a);
        Var out = tape.sparseOutput("diagonalGate", Tape.anyRequiresGrad(w, alpha), weight.pattern());
        float[] wv = weight.values();
        float[] gated = out.csr().values();
        for (int e = 0; e < gated.length; e++) {
            gated[e] = a[diagonalOf[e]] * wv[e];
        }
        tape.onBackward(out, () -> {
            float[] dGated = out.grad().data();
            if (w.requiresGrad()) {
                float[] dw = tape.grad(w).data();
                for (int e = 0; e < dw.length; e++) {
                    dw[e] += a[diagonalOf[e]] * dGated[e];
                }
            }
            if (alpha.requiresGrad()) {
                double[] g = new double[count];
                for (int e = 0; e < dGated.length; e++) {
                    g[diagonalOf[e]] += (double) wv[e] * dGated[e];
                }
                double weighted = 0;
                for (int p = 0; p < count; p++) {
                    g[p] = scaled[p] > 0 && scaled[p] < 1 ? g[p] * scaled[p] : 0;
                    weighted += g[p];
                }
                float[] dAlpha = tape.grad(alpha).data();
                for (int q = 0; q < count; q++) {
                    dAlpha[q] += (float) ((g[q] - softmax[q] * weighted) / tau);
                }
            }
        });
        return out;
    }
}
