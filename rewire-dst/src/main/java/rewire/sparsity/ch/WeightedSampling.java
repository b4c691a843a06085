package rewire.sparsity.ch;

import rewire.kernel.TopK;
import rewire.tensor.Rng;

/**
 * Weighted sampling without replacement by keys (Efraimidis and Spirakis, "Weighted random
 * sampling with a reservoir", Information Processing Letters 97(5), 2006): item {@code x} with
 * weight {@code w} gets the key {@code u^(1/w)}, {@code u} uniform in (0, 1), and the {@code k}
 * largest keys are a sample with the law of drawing {@code k} times in a row proportionally to
 * the weights of the items not drawn yet (what {@code torch.multinomial(p, k, replacement=False)}
 * does in the CHT reference code).
 *
 * <p>Keys are streamed into a bounded {@link TopK}, so a sample over a huge candidate set needs
 * only {@code O(k)} memory. Each item's uniform comes from {@code keys.fold(item)}, so the sample
 * depends on the generator and the items, not on the order in which items are offered. Keys are
 * computed in log space, {@code log w - log(-log u)}, which neither overflows nor underflows for
 * weights such as {@code score^T} with large {@code T}; they are then rounded to float for the
 * {@code TopK}, whose ties go to the lower item.
 */
public final class WeightedSampling {
    private WeightedSampling() {
    }

    /** The key of {@code item} with weight {@code exp(logWeight)}; larger keys are drawn first. */
    static float key(double logWeight, Rng keys, long item) {
        assert !Double.isNaN(logWeight) : "NaN weight for item " + item;
        double exponential = -Math.log1p(-keys.fold(item).nextDouble()); // Exp(1), in [0, ∞)
        return (float) (logWeight - Math.log(exponential));
    }

    /**
     * {@code k} distinct indices of {@code logWeights}, drawn without replacement with
     * probability proportional to {@code exp(logWeights[i])}, in increasing order. Items of
     * log-weight {@code -∞} (weight 0) are drawn only when fewer than {@code k} items have a
     * positive weight, lowest index first.
     *
     * @throws IllegalArgumentException if {@code k} is outside {@code [0, logWeights.length]} or
     *     a log-weight is NaN or {@code +∞}
     */
    public static int[] sample(double[] logWeights, int k, Rng rng) {
        if (k < 0 || k > logWeights.length) {
            throw new IllegalArgumentException("cannot draw " + k + " of " + logWeights.length + " items");
        }
        Rng keys = rng.split();
        TopK top = new TopK(k);
        for (int i = 0; i < logWeights.length; i++) {
            double w = logWeights[i];
            if (Double.isNaN(w) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("log-weight " + w + " at item " + i
                        + " is not a number or infinite");
            }
            top.offer(key(w, keys, i), i);
        }
        long[] picked = top.result().sortedPositions();
        int[] out = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            out[i] = (int) picked[i];
        }
        return out;
    }
}
