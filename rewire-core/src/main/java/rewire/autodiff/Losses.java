package rewire.autodiff;

import rewire.tensor.Shape;
import rewire.tensor.Tensor;

/** Loss functions over feature-major logits {@code (classes, B)}: one column per example. */
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
