package rewire.autodiff;

import rewire.tensor.Shape;
import rewire.tensor.Tensor;

/**
 * Loss functions over feature-major logits {@code (classes, B)}: one column per example; and the
 * losses of a GAN's discriminator score {@code (1, N)}, one logit per image, with a target per
 * image (real or fake), so one call scores a batch of real and fake images together.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Softmax cross-entropy averaged over the batch:
     * {@code loss = (1/B) Σ_b [log Σ_k exp(z[k, b]) - z[label_b, b]]} for logits {@code z (K, B)}
     * and integer labels {@code (B,)} in {@code [0, K)}; returns a scalar {@code ()}.
     * Numerically safe: each column's maximum is subtracted before exponentiating, and the
     * log-sum-exp is accumulated in double. Gradient: {@code dz += dloss / B · (softmax(z) - onehot)}.
     * The labels are copied, so the caller may reuse the array before backward.
     */
    public static Var softmaxCrossEntropy(Tape tape, Var logits, int[] labels) {
        Checks.requireMatrix("softmaxCrossEntropy", "logits", logits);
        int classes = logits.value().rows();
        int batch = logits.value().cols();
        requireLabels(labels, classes, batch);
        Tensor probs = tape.scratch(classes, batch);
        int[] kept = tape.scratchInts(batch);
        System.arraycopy(labels, 0, kept, 0, batch);
        double total = softmaxColumns(logits.value().data(), probs.data(), kept, classes, batch);
        Var loss = tape.output("softmaxCrossEntropy", logits.requiresGrad(), Shape.of());
        loss.value().data()[0] = (float) (total / batch);
        tape.onBackward(loss, () -> {
            float g = loss.grad().data()[0] / batch;
            float[] p = probs.data();
            float[] dz = tape.grad(logits).data();
            for (int i = 0; i < dz.length; i++) {
                dz[i] += g * p[i];
            }
            for (int b = 0; b < batch; b++) {
                dz[kept[b] * batch + b] -= g;
            }
        });
        return loss;
    }

    /**
     * Binary cross-entropy of sigmoid probabilities, averaged over the elements: with
     * {@code p = σ(z)}, {@code loss = (1/N) Σ_i [-t_i log p_i - (1 - t_i) log(1 - p_i)]}
     * {@code = (1/N) Σ_i [softplus(z_i) - t_i z_i]} for logits {@code z : S} and targets
     * {@code t} in [0, 1], one per element (1 real, 0 fake); returns a scalar {@code ()}. The
     * discriminator's loss of a standard GAN (Goodfellow et al., NeurIPS 2014) and, with every
     * target 1, the generator's non-saturating loss. {@code softplus(z) = max(z, 0) +
     * log1p(exp(-|z|))} never overflows. Gradient: {@code dz += dloss / N · (σ(z) - t)}. The targets
     * are copied.
     */
    public static Var sigmoidCrossEntropy(Tape tape, Var logits, float[] targets) {
        float[] t = targets(tape, "sigmoidCrossEntropy", logits, targets);
        float[] z = logits.value().data();
        int n = z.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(t[i] >= 0 && t[i] <= 1)) {
                throw new IllegalArgumentException("sigmoidCrossEntropy: target " + t[i] + " of element " + i
                        + " is outside [0, 1]");
            }
            total += Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i]))) - (double) t[i] * z[i];
        }
        Var loss = tape.output("sigmoidCrossEntropy", logits.requiresGrad(), Shape.of());
        loss.value().data()[0] = (float) (total / n);
        tape.onBackward(loss, () -> {
            float g = loss.grad().data()[0] / n;
            float[] dz = tape.grad(logits).data();
            for (int i = 0; i < n; i++) {
                dz[i] += g * (float) (sigmoid(z[i]) - t[i]);
            }
        });
        return loss;
    }

    /**
     * The hinge loss of a discriminator (Lim and Ye, "Geometric GAN", 2017; the SNGAN and BigGAN
     * setting), averaged over the elements: {@code loss = (1/N) Σ_i max(0, 1 - s_i z_i)} for logits
     * {@code z : S} and signs {@code s_i} = +1 (real) or -1 (fake); returns a scalar {@code ()}.
     * Gradient: {@code dz_i += -dloss / N · s_i} where {@code 1 - s_i z_i > 0}, else 0. The
     * generator's hinge loss is {@code -mean(z)} ({@link Ops#scale} of {@link Ops#mean}). The
     * signs are copied.
     */
    public static Var hinge(Tape tape, Var logits, float[] signs) {
        float[] s = targets(tape, "hinge", logits, signs);
        float[] z = logits.value().data();
        int n = z.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (s[i] != 1f && s[i] != -1f) {
                throw new IllegalArgumentException("hinge: sign " + s[i] + " of element " + i + " is not +1 or -1");
            }
            total += Math.max(0, 1 - (double) s[i] * z[i]);
        }
        Var loss = tape.output("hinge", logits.requiresGrad(), Shape.of());
        loss.value().data()[0] = (float) (total / n);
        tape.onBackward(loss, () -> {
            float g = loss.grad().data()[0] / n;
            float[] dz = tape.grad(logits).data();
            for (int i = 0; i < n; i++) {
                if (1 - s[i] * z[i] > 0) {
                    dz[i] -= g * s[i];
                }
            }
        });
        return loss;
    }

    // a copy of one target per element of the logits, kept in the tape's scratch until backward
    private static float[] targets(Tape tape, String op, Var logits, float[] targets) {
        Checks.requireDense(op, "logits", logits);
        int n = logits.value().size();
        if (n == 0) {
            throw new IllegalArgumentException(op + ": empty logits " + logits.shape());
        }
        if (targets.length != n) {
            throw new IllegalArgumentException(op + ": " + targets.length + " targets for logits " + logits.shape()
                    + " of " + n + " elements");
        }
        float[] kept = tape.scratch(Shape.of(n)).data();
        System.arraycopy(targets, 0, kept, 0, n);
        return kept;
    }

    private static double sigmoid(float z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * Writes the softmax of every column of {@code z (K, B)} into {@code p} and returns the summed
     * cross-entropy of the labels. Loops run row by row so the inner loop streams contiguous memory.
     */
    private static double softmaxColumns(float[] z, float[] p, int[] labels, int classes, int batch) {
        double[] max = new double[batch];
        double[] sum = new double[batch];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < classes; k++) {
            for (int b = 0; b < batch; b++) {
                max[b] = Math.max(max[b], z[k * batch + b]);
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int b = 0; b < batch; b++) {
                double e = Math.exp(z[k * batch + b] - max[b]);
                p[k * batch + b] = (float) e;
                sum[b] += e;
            }
        }
        double total = 0;
        for (int b = 0; b < batch; b++) {
            total += Math.log(sum[b]) + max[b] - z[labels[b] * batch + b];
        }
        for (int k = 0; k < classes; k++) {
            for (int b = 0; b < batch; b++) {
                p[k * batch + b] = (float) (p[k * batch + b] / sum[b]);
            }
        }
        return total;
    }

    private static void requireLabels(int[] labels, int classes, int batch) {
        if (labels.length != batch) {
            throw new IllegalArgumentException("softmaxCrossEntropy: " + labels.length + " labels for a batch of " + batch);
        }
        if (batch == 0) {
            throw new IllegalArgumentException("softmaxCrossEntropy: empty batch");
        }
        for (int b = 0; b < batch; b++) {
            if (labels[b] < 0 || labels[b] >= classes) {
                throw new IllegalArgumentException("softmaxCrossEntropy: label " + labels[b] + " of example " + b
                        + " outside [0, " + classes + ")");
            }
        }
    }
}
