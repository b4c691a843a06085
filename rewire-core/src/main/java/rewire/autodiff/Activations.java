package rewire.autodiff;

import rewire.tensor.Rng;

/**
 * Pointwise nonlinearities and dropout. Every op maps a dense {@code x : S} to {@code y : S} of
 * the same shape, so they apply equally to feature-major activations {@code (features, B)} and
 * to convolution maps {@code (C, B·H·W)}. Gradients use the saved output where the derivative is
 * a function of it (tanh, sigmoid, ReLU), so no extra buffer is kept.
 */
public final class Activations {
    // GELU tanh approximation constants: sqrt(2 / pi) and the cubic coefficient.
    private static final float GELU_SCALE = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_CUBIC = 0.044715f;

    private Activations() {
    }

    /** {@code y = max(x, 0)}; the gradient at 0 is taken as 0. */
    public static Var relu(Tape tape, Var x) {
        Var y = start(tape, "relu", x);
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = Math.max(xv[i], 0f);
        }
        tape.onBackward(y, () -> {
            // dx (+)= dy · [y > 0]; y >= 0, so [y > 0] = signum(y), which compiles without a branch:
            // ReLU signs are random, and a branch here mispredicts half the time
            float[] dy = y.grad().data();
            Tape.GradTarget target = tape.gradTarget(x);
            float[] dx = target.tensor().data();
            if (target.accumulate()) {
                for (int i = 0; i < dx.length; i++) {
                    dx[i] += dy[i] * Math.signum(yv[i]);
                }
            } else {
                for (int i = 0; i < dx.length; i++) {
                    dx[i] = dy[i] * Math.signum(yv[i]);
                }
            }
        });
        return y;
    }

    /**
     * ELU with {@code α = 1} (Clevert, Unterthiner and Hochreiter, "Fast and Accurate Deep Network
     * Learning by Exponential Linear Units", ICLR 2016): {@code y = x} for {@code x > 0}, else
     * {@code exp(x) - 1}, so negative inputs still pass a gradient, {@code dx += dy · (y + 1)}.
     * Used by the QMIX mixer and by reinforcement-learning encoders and critics.
     */
    public static Var elu(Tape tape, Var x) {
        Var y = start(tape, "elu", x);
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            // e^x - 1 in double: float precision for |x| >= 1e-9 and an error below 1e-16 under it, and
            // Math.exp is an intrinsic where Math.expm1 is a software routine (a third of an RL step)
            yv[i] = xv[i] > 0 ? xv[i] : (float) (Math.exp(xv[i]) - 1.0);
        }
        tape.onBackward(y, () -> {
            // dx += dy · (x > 0 ? 1 : y + 1) = dy · (min(y, 0) + 1), y > 0 exactly when x > 0
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] * (Math.min(yv[i], 0f) + 1f);
            }
        });
        return y;
    }

    /**
     * Leaky ReLU (Maas, Hannun and Ng, "Rectifier Nonlinearities Improve Neural Network Acoustic
     * Models", 2013), the activation of DCGAN's discriminator: {@code y = x} for {@code x > 0},
     * {@code slope · x} otherwise; the gradient at 0 is taken as {@code slope}.
     *
     * @param slope the slope of the negative part, in [0, 1) (0.2 in DCGAN)
     */
    public static Var leakyRelu(Tape tape, Var x, double slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("leakyRelu: slope must be in [0, 1), got " + slope);
        }
        Var y = start(tape, "leakyRelu", x);
        float a = (float) slope;
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = Math.max(xv[i], 0f) + a * Math.min(xv[i], 0f);
        }
        tape.onBackward(y, () -> {
            // dx += dy · (x > 0 ? 1 : slope); y has x's sign, so the saved output decides. Written
            // without a branch, as ReLU's: [y > 0] = signum(max(y, 0)), and the signs are random
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            float rise = 1 - a;
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] * (a + rise * Math.signum(Math.max(yv[i], 0f)));
            }
        });
        return y;
    }

    /** {@code y = tanh(x)}. */
    public static Var tanh(Tape tape, Var x) {
        Var y = start(tape, "tanh", x);
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = (float) Math.tanh(xv[i]);
        }
        tape.onBackward(y, () -> {
            // dx += dy · (1 - y²)
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] * (1f - yv[i] * yv[i]);
            }
        });
        return y;
    }

    /** {@code y = 1 / (1 + exp(-x))}, computed without overflow for large {@code |x|}. */
    public static Var sigmoid(Tape tape, Var x) {
        Var y = start(tape, "sigmoid", x);
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            float v = xv[i];
            if (v >= 0) {
                yv[i] = (float) (1 / (1 + Math.exp(-v)));
            } else {
                double e = Math.exp(v);
                yv[i] = (float) (e / (1 + e));
            }
        }
        tape.onBackward(y, () -> {
            // dx += dy · y (1 - y)
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] * yv[i] * (1f - yv[i]);
            }
        });
        return y;
    }

    /**
     * GELU in its tanh approximation (Hendrycks and Gimpel, "Gaussian Error Linear Units",
     * 2016), the form GPT-2 uses: {@code y = x/2 · (1 + tanh(u))} with
     * {@code u = sqrt(2/π) (x + 0.044715 x³)}; it differs from the exact {@code x Φ(x)} by less
     * than 1e-3. Its derivative is
     * {@code (1 + t)/2 + x/2 · (1 - t²) · sqrt(2/π) (1 + 3 · 0.044715 x²)} with {@code t = tanh(u)}.
     */
    public static Var gelu(Tape tape, Var x) {
        Var y = start(tape, "gelu", x);
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        float[] t = tape.scratch(x.shape()).data();   // tanh(u), kept for backward
        for (int i = 0; i < yv.length; i++) {
            float v = xv[i];
            t[i] = geluTanh(v);
            yv[i] = 0.5f * v * (1f + t[i]);
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                float v = xv[i];
                float du = GELU_SCALE * (1f + 3f * GELU_CUBIC * v * v);
                dx[i] += dy[i] * (0.5f * (1f + t[i]) + 0.5f * v * (1f - t[i] * t[i]) * du);
            }
        });
        return y;
    }

    // tanh(u) without Math.tanh or Math.exp, in straight-line float arithmetic that C2 can vectorize:
    // Lambert's continued fraction tanh x = x/(1 + x²/(3 + x²/(5 + ...))) cut after 7 terms (the
    // [7/8] Padé approximant at 0) on x = u/4, then twice the doubling formula tanh 2x = 2t/(1 + t²).
    // With u clamped to [-9, 9] (tanh 9 rounds to 1 in float) the absolute error is below 1e-7.
    private static float geluTanh(float v) {
        float u = Math.max(-9f, Math.min(9f, GELU_SCALE * (v + GELU_CUBIC * v * v * v)));
        float x = 0.25f * u;
        float y = x * x;
        float p = ((36f * y + 6930f) * y + 270270f) * y + 2027025f;
        float q = (((y + 630f) * y + 51975f) * y + 945945f) * y + 2027025f;
        float t = x * p / q;
        t = 2f * t / (1f + t * t);
        return 2f * t / (1f + t * t);
    }

    /**
     * Inverted dropout: in training each element is zeroed with probability {@code p} and the
     * survivors are scaled by {@code 1 / (1 - p)}, so the expected output equals the input and
     * evaluation needs no rescaling. Returns {@code x} itself when not training or {@code p == 0}.
     * The mask is drawn from {@code rng} in element order, so a seed fixes it.
     */
    public static Var dropout(Tape tape, Var x, double p, boolean training, Rng rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        if (!training || p == 0) {
            return x;
        }
        Var y = start(tape, "dropout", x);
        float[] mask = tape.scratch(x.shape()).data();
        float keepScale = (float) (1 / (1 - p));
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            mask[i] = rng.nextDouble() < p ? 0f : keepScale;
            yv[i] = xv[i] * mask[i];
        }
        tape.onBackward(y, () -> {
            // dx += dy ⊙ mask
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] * mask[i];
            }
        });
        return y;
    }

    private static Var start(Tape tape, String op, Var x) {
        Checks.requireDense(op, "x", x);
        return tape.output(op, x.requiresGrad(), x.shape());
    }
}
