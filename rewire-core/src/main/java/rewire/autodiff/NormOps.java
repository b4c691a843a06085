package rewire.autodiff;

/**
 * Layer normalization (Ba, Kiros and Hinton, "Layer Normalization", 2016) over feature-major
 * activations: every column (one token or example) is normalized over its {@code F} features.
 */
public final class NormOps {
    private NormOps() {
    }

    /**
     * {@code y[:, n] = gain ⊙ (x[:, n] - μ_n) / sqrt(σ²_n + eps) + bias}; {@code x, y : (F, N)},
     * {@code gain, bias : (F,)} (bias may be null), {@code μ_n, σ²_n} the mean and biased variance
     * of column n. With {@code x̂ = (x - μ)·r}, {@code r = 1/sqrt(σ² + eps)} and
     * {@code g = dy ⊙ gain}, the gradients are {@code dx = r·(g - mean_f(g) - x̂·mean_f(g ⊙ x̂))},
     * {@code dgain = Σ_n dy ⊙ x̂}, {@code dbias = Σ_n dy}. Statistics are accumulated in double.
     */
    public static Var layerNorm(Tape tape, Var x, Var gain, Var bias, double eps) {
        Checks.requireMatrix("layerNorm", "input", x);
        int features = x.value().rows();
        int n = x.value().cols();
        requireVector("gain", gain, features);
        if (bias != null) {
            requireVector("bias", bias, features);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("layerNorm: eps must be positive, got " + eps);
        }
        float[] mean = tape.scratch(1, n).data();
        float[] rstd = tape.scratch(1, n).data();
        float[] xv = x.value().data();
        statistics(xv, features, n, eps, mean, rstd);
        Var y = tape.output("layerNorm", Tape.anyRequiresGrad(x, gain, bias), x.shape());
        float[] yv = y.value().data();
        float[] gv = gain.value().data();
        float[] bv = bias == null ? null : bias.value().data();
        for (int f = 0; f < features; f++) {
            float b = bv == null ? 0f : bv[f];
            for (int i = f * n, c = 0; c < n; i++, c++) {
                yv[i] = gv[f] * (xv[i] - mean[c]) * rstd[c] + b;
            }
        }
        tape.onBackward(y, () -> backward(tape, x, gain, bias, y.grad().data(), mean, rstd));
        return y;
    }

    // mean[c] and rstd[c] = 1/sqrt(var + eps) of every column of x (F, N), streaming rows
    private static void statistics(float[] x, int features, int n, double eps, float[] mean, float[] rstd) {
        double[] sum = new double[n];
        double[] sq = new double[n];
        for (int f = 0; f < features; f++) {
            for (int i = f * n, c = 0; c < n; i++, c++) {
                sum[c] += x[i];
            }
        }
        for (int c = 0; c < n; c++) {
            mean[c] = (float) (sum[c] / features);
        }
        for (int f = 0; f < features; f++) {
            for (int i = f * n, c = 0; c < n; i++, c++) {
                double d = x[i] - mean[c];
                sq[c] += d * d;
            }
        }
        for (int c = 0; c < n; c++) {
            rstd[c] = (float) (1 / Math.sqrt(sq[c] / features + eps));
        }
    }

    private static void backward(Tape tape, Var x, Var gain, Var bias, float[] dy, float[] mean, float[] rstd) {
        int features = x.value().rows();
        int n = x.value().cols();
        float[] xv = x.value().data();
        float[] gv = gain.value().data();
        float[] dgain = gain.requiresGrad() ? tape.grad(gain).data() : null;
        float[] dbias = bias != null && bias.requiresGrad() ? tape.grad(bias).data() : null;
        double[] meanG = new double[n];
        double[] meanGx = new double[n];
        for (int f = 0; f < features; f++) {
            double dg = 0;
            double db = 0;
            for (int i = f * n, c = 0; c < n; i++, c++) {
                float xhat = (xv[i] - mean[c]) * rstd[c];
                float g = dy[i] * gv[f];
                meanG[c] += g;
                meanGx[c] += g * xhat;
                dg += dy[i] * xhat;
                db += dy[i];
            }
            if (dgain != null) {
                dgain[f] += (float) dg;
            }
            if (dbias != null) {
                dbias[f] += (float) db;
            }
        }
        if (!x.requiresGrad()) {
            return;
        }
        float[] dx = tape.grad(x).data();
        for (int c = 0; c < n; c++) {
            meanG[c] /= features;
            meanGx[c] /= features;
        }
        for (int f = 0; f < features; f++) {
            for (int i = f * n, c = 0; c < n; i++, c++) {
                float xhat = (xv[i] - mean[c]) * rstd[c];
                dx[i] += rstd[c] * (float) (dy[i] * gv[f] - meanG[c] - xhat * meanGx[c]);
            }
        }
    }

    private static void requireVector(String role, Var v, int features) {
        Checks.requireDense("layerNorm", role, v);
        if (v.value().size() != features) {
            throw new IllegalArgumentException("layerNorm: " + role + " " + v.shape() + " needs " + features
                    + " entries, one per feature");
        }
    }
}
