package rewire.autodiff;

/**
 * Normalizations over feature-major activations {@code (F, N)}: layer normalization (Ba, Kiros and
 * Hinton, "Layer Normalization", 2016) normalizes every column (one token or example) over its
 * {@code F} features; batch normalization (Ioffe and Szegedy, ICML 2015) normalizes every row (one
 * feature over the batch, or one channel of convolution maps {@code (C, B·H·W)} over the batch and
 * the pixels) over its {@code N} columns.
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
        requireAffine("layerNorm", x, gain, bias);
        int features = x.value().rows();
        int n = x.value().cols();
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

    /**
     * Batch normalization of every row of {@code x (F, N)}:
     * {@code y[f, :] = gain_f · (x[f, :] - μ_f) · r_f + bias_f} with {@code gain, bias : (F,)} (bias
     * may be null). In training {@code μ_f, σ²_f} are the mean and biased variance of row f,
     * {@code r_f = 1/sqrt(σ²_f + eps)}, and {@code running} moves towards them; in evaluation the
     * running mean and variance stand in for them, so the op is affine in {@code x}. With
     * {@code x̂ = (x - μ)·r} and {@code g = dy·gain}, training's input gradient is
     * {@code dx = r·(g - mean_n(g) - x̂·mean_n(g·x̂))} and evaluation's {@code dx = g·r};
     * {@code dgain = Σ_n dy·x̂}, {@code dbias = Σ_n dy} in both. Statistics are accumulated in double.
     *
     * @throws IllegalArgumentException in training with a single column, whose variance is undefined
     */
    public static Var batchNorm(Tape tape, Var x, Var gain, Var bias, RunningStats running, double eps,
                                boolean training) {
        requireAffine("batchNorm", x, gain, bias);
        int features = x.value().rows();
        int n = x.value().cols();
        if (running.features() != features || !(eps > 0)) {
            throw new IllegalArgumentException("batchNorm: need running statistics of " + features + " features and "
                    + "eps > 0, got " + running.features() + " and " + eps);
        }
        if (training && n < 2) {
            throw new IllegalArgumentException("batchNorm: training needs more than one value per feature, got input "
                    + x.shape());
        }
        float[] mean = tape.scratch(1, features).data();
        float[] rstd = tape.scratch(1, features).data();
        float[] xv = x.value().data();
        if (training) {
            rowStatistics(xv, features, n, eps, mean, rstd, running);
        } else {
            for (int f = 0; f < features; f++) {
                mean[f] = running.mean()[f];
                rstd[f] = (float) (1 / Math.sqrt(running.variance()[f] + eps));
            }
        }
        Var y = tape.output("batchNorm", Tape.anyRequiresGrad(x, gain, bias), x.shape());
        float[] yv = y.value().data();
        float[] gv = gain.value().data();
        for (int f = 0; f < features; f++) {
            float scale = gv[f] * rstd[f];
            float shift = (bias == null ? 0f : bias.value().data()[f]) - scale * mean[f];
            for (int i = f * n, end = i + n; i < end; i++) {
                yv[i] = scale * xv[i] + shift;
            }
        }
        tape.onBackward(y, () -> batchNormBackward(tape, x, gain, bias, y.grad().data(), mean, rstd, training));
        return y;
    }

    // mean[f], rstd[f] of every row of x (F, N), streaming rows; moves the running statistics
    private static void rowStatistics(float[] x, int features, int n, double eps, float[] mean, float[] rstd,
                                      RunningStats running) {
        float m = (float) running.momentum();
        for (int f = 0; f < features; f++) {
            double sum = 0;
            for (int i = f * n, end = i + n; i < end; i++) {
                sum += x[i];
            }
            double mu = sum / n;
            double sq = 0;
            for (int i = f * n, end = i + n; i < end; i++) {
                double d = x[i] - mu;
                sq += d * d;
            }
            mean[f] = (float) mu;
            rstd[f] = (float) (1 / Math.sqrt(sq / n + eps));
            running.mean()[f] = (1 - m) * running.mean()[f] + m * (float) mu;
            running.variance()[f] = (1 - m) * running.variance()[f] + m * (float) (sq / (n - 1));
        }
    }

    private static void batchNormBackward(Tape tape, Var x, Var gain, Var bias, float[] dy, float[] mean,
                                          float[] rstd, boolean training) {
        int features = x.value().rows();
        int n = x.value().cols();
        float[] xv = x.value().data();
        float[] gv = gain.value().data();
        float[] dgain = gain.requiresGrad() ? tape.grad(gain).data() : null;
        float[] dbias = bias != null && bias.requiresGrad() ? tape.grad(bias).data() : null;
        float[] dx = x.requiresGrad() ? tape.grad(x).data() : null;
        for (int f = 0; f < features; f++) {
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int i = f * n, end = i + n; i < end; i++) {
                sumDy += dy[i];
                sumDyXhat += dy[i] * (xv[i] - mean[f]) * rstd[f];
            }
            if (dgain != null) {
                dgain[f] += (float) sumDyXhat;
            }
            if (dbias != null) {
                dbias[f] += (float) sumDy;
            }
            if (dx == null) {
                continue;
            }
            float scale = gv[f] * rstd[f];
            // training: dx = gain·r·(dy - mean(dy) - x̂·mean(dy·x̂)); evaluation: dx = gain·r·dy
            float meanDy = training ? (float) (sumDy / n) : 0f;
            float meanDyXhat = training ? (float) (sumDyXhat / n) : 0f;
            for (int i = f * n, end = i + n; i < end; i++) {
                float xhat = (xv[i] - mean[f]) * rstd[f];
                dx[i] += scale * (dy[i] - meanDy - xhat * meanDyXhat);
            }
        }
    }

    // x a dense (F, N) matrix, gain and bias (when given) one entry per feature
    private static void requireAffine(String op, Var x, Var gain, Var bias) {
        Checks.requireMatrix(op, "input", x);
        requireVector(op, "gain", gain, x.value().rows());
        if (bias != null) {
            requireVector(op, "bias", bias, x.value().rows());
        }
    }

    private static void requireVector(String op, String role, Var v, int features) {
        Checks.requireDense(op, role, v);
        if (v.value().size() != features) {
            throw new IllegalArgumentException(op + ": " + role + " " + v.shape() + " needs " + features
                    + " entries, one per feature");
        }
    }
}
