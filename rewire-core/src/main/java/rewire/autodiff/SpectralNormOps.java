package rewire.autodiff;

import rewire.sparse.CsrMatrix;

/**
 * Spectral normalization (Miyato et al., "Spectral Normalization for Generative Adversarial
 * Networks", ICLR 2018): a weight divided by an estimate of its largest singular value, so the
 * layer is about 1-Lipschitz; the discriminator's normalization in SNGAN, which the ADAPT
 * experiments use. One power iteration per training pass refines the estimate, as PyTorch's
 * {@code spectral_norm} does:
 * <pre>
 * W : (rows, cols), dense or sparse     u : (rows,)   v : (cols,)    (a {@link SpectralEstimate})
 * training:   v = Wᵀu / |Wᵀu|,  u = W v / |W v|           evaluation: u, v as stored
 * σ = uᵀ W v,   W̄ = W / σ                                 (the same layout and pattern as W)
 * dW = dW̄ / σ - c · u vᵀ,   c = ⟨dW̄, W⟩ / σ²               (u, v held constant, as PyTorch)
 * </pre>
 * A sparse W keeps its pattern: W̄ and dW are {@code (nnz,)} vectors on it, and {@code u vᵀ} is
 * sampled there; the power iteration is two O(nnz) products. A weight of zeros has no largest
 * singular value to divide by (global pruning may empty a layer, whose regrown entries start at
 * zero): it passes through as it is, with {@code σ} taken as 1, until it holds something nonzero.
 */
public final class SpectralNormOps {
    private static final double NORM_FLOOR = 1e-12;

    private SpectralNormOps() {
    }

    /**
     * {@code W̄ = W / σ(W)} for a dense matrix or sparse weight {@code w}; in training one power
     * iteration first updates {@code estimate}'s vectors. Records {@code σ}, and at backward the
     * rank-one coefficient, in {@code estimate}.
     */
    public static Var spectralNorm(Tape tape, Var w, SpectralEstimate estimate, boolean training) {
        int rows = w.isSparse() ? w.csr().rows() : rowsOf(w);
        int cols = w.isSparse() ? w.csr().cols() : w.value().cols();
        float[] u = estimate.u();
        float[] v = estimate.v();
        if (u.length != rows || v.length != cols) {
            throw new IllegalArgumentException("spectralNorm: estimate of " + u.length + " x " + v.length
                    + " for weight " + w);
        }
        float[] wv = new float[rows];
        if (training) {
            float[] wtu = new float[cols];
            transposedProduct(w, u, wtu);
            System.arraycopy(wtu, 0, v, 0, cols);
            normalize(v);
            product(w, v, wv);
            System.arraycopy(wv, 0, u, 0, rows);
            normalize(u);
        } else {
            product(w, v, wv);
        }
        double estimated = dot(u, wv);
        if (!(estimated >= 0)) {
            throw new IllegalStateException("spectralNorm: the estimated largest singular value of " + w + " is "
                    + estimated);
        }
        double sigma = estimated > 0 ? estimated : 1;  // a weight of zeros passes through
        estimate.setSigma(sigma);
        Var out = w.isSparse() ? tape.sparseOutput("spectralNorm", w.requiresGrad(), w.csr().pattern())
                : tape.output("spectralNorm", w.requiresGrad(), w.shape());
        float[] wValues = w.value().data();
        float[] outValues = out.value().data();
        float inverse = (float) (1 / sigma);
        for (int e = 0; e < wValues.length; e++) {
            outValues[e] = wValues[e] * inverse;
        }
        float[] uFixed = u.clone();
        float[] vFixed = v.clone();
        tape.onBackward(out, () -> backward(tape, w, out, uFixed, vFixed, sigma, estimate));
        return out;
    }

    // dW += dW̄/σ - c·(u vᵀ on W's entries), c = ⟨dW̄, W⟩/σ²
    private static void backward(Tape tape, Var w, Var out, float[] u, float[] v, double sigma,
                                 SpectralEstimate estimate) {
        float[] g = out.grad().data();
        float[] wValues = w.value().data();
        double inner = 0;
        for (int e = 0; e < g.length; e++) {
            inner += (double) g[e] * wValues[e];
        }
        double c = inner / (sigma * sigma);
        estimate.setCorrection(c);
        float[] dw = tape.grad(w).data();
        float inverse = (float) (1 / sigma);
        float fc = (float) c;
        if (w.isSparse()) {
            CsrMatrix m = w.csr();
            int[] ptr = m.pattern().rowPtr();
            int[] idx = m.pattern().colIdx();
            for (int r = 0; r < m.rows(); r++) {
                for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                    dw[e] += g[e] * inverse - fc * u[r] * v[idx[e]];
                }
            }
        } else {
            int cols = w.value().cols();
            for (int r = 0; r < u.length; r++) {
                for (int j = 0, e = r * cols; j < cols; j++, e++) {
                    dw[e] += g[e] * inverse - fc * u[r] * v[j];
                }
            }
        }
    }

    // out (rows,) = W · x
    private static void product(Var w, float[] x, float[] out) {
        float[] values = w.value().data();
        if (w.isSparse()) {
            int[] ptr = w.csr().pattern().rowPtr();
            int[] idx = w.csr().pattern().colIdx();
            for (int r = 0; r < out.length; r++) {
                double s = 0;
                for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                    s += (double) values[e] * x[idx[e]];
                }
                out[r] = (float) s;
            }
            return;
        }
        int cols = x.length;
        for (int r = 0; r < out.length; r++) {
            double s = 0;
            for (int j = 0, e = r * cols; j < cols; j++, e++) {
                s += (double) values[e] * x[j];
            }
            out[r] = (float) s;
        }
    }

    // out (cols,) = Wᵀ · y
    private static void transposedProduct(Var w, float[] y, float[] out) {
        float[] values = w.value().data();
        double[] acc = new double[out.length];
        if (w.isSparse()) {
            int[] ptr = w.csr().pattern().rowPtr();
            int[] idx = w.csr().pattern().colIdx();
            for (int r = 0; r < y.length; r++) {
                for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                    acc[idx[e]] += (double) values[e] * y[r];
                }
            }
        } else {
            int cols = out.length;
            for (int r = 0; r < y.length; r++) {
                for (int j = 0, e = r * cols; j < cols; j++, e++) {
                    acc[j] += (double) values[e] * y[r];
                }
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) acc[j];
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Scales {@code x} to unit length in place (a vector of length below 1e-12 is divided by 1e-12). */
    static void normalize(float[] x) {
        double sq = 0;
        for (float a : x) {
            sq += (double) a * a;
        }
        double scale = 1 / Math.max(Math.sqrt(sq), NORM_FLOOR);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] * scale);
        }
    }

    private static int rowsOf(Var w) {
        Checks.requireMatrix("spectralNorm", "weight", w);
        return w.value().rows();
    }
}
