package rewire.models.gan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.stream.Collectors;
import rewire.sparsity.ControlSignal;

/**
 * The balance ratio of ADAPT (Wang et al., NeurIPS 2023, Eq. 3; METHODS.md D.1): how far one
 * generator update moves the fakes towards the reals, as the discriminator sees them. Each
 * measurement uses one latent batch z, the discriminator after its own update, and the generator
 * before and after its update:
 * <pre>
 * BR = (mean D(G_after(z)) - mean D(G_before(z))) / (mean D(x) - mean D(G_before(z)))
 * </pre>
 * The measurements go into a queue bounded at {@code capacity} ({@code da_iters / br_freq}); the
 * balance ratio is the mean of the queue's ratios, as ADAPT's code computes it. A measurement
 * whose denominator is zero (the discriminator scores reals and fakes alike) has no ratio and is
 * not queued. As a {@link ControlSignal} it is NaN until the queue is full, as ADAPT acts only on a
 * full queue.
 */
final class BalanceRatio implements ControlSignal {
    private final int capacity;
    private final Deque<Double> ratios = new ArrayDeque<>();

    BalanceRatio(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the balance ratio needs a queue of at least one, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The ratio of one measurement; infinite or NaN when the discriminator scores reals and fakes alike. */
    static double ratio(double before, double after, double real) {
        return (after - before) / (real - before);
    }

    /** Queues one measurement's ratio, dropping the oldest beyond the capacity; returns it. */
    double record(double before, double after, double real) {
        double r = ratio(before, after, real);
        if (Double.isFinite(r)) {
            ratios.addLast(r);
            if (ratios.size() > capacity) {
                ratios.removeFirst();
            }
        }
        return r;
    }

    /** The mean ratio of the queue, NaN while it is empty. */
    double mean() {
        return ratios.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The mean once the queue is full, NaN before. */
    @Override
    public double value() {
        return ratios.size() == capacity ? mean() : Double.NaN;
    }

    int size() {
        return ratios.size();
    }

    /** The queue as text for a checkpoint: each ratio in its exact decimal form. */
    String encode() {
        return ratios.stream().map(d -> Double.toString(d)).collect(Collectors.joining(" "));
    }

    /** Replaces the queue with what {@link #encode} wrote. */
    void decode(String text) {
        ratios.clear();
        for (String part : text.trim().split(" ")) {
            if (!part.isEmpty()) {
                ratios.addLast(Double.parseDouble(part));
            }
        }
        if (ratios.size() > capacity) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the saved balance-ratio queue holds %d "
                    + "records, more than gan.brWindow = %d", ratios.size(), capacity));
        }
    }
}
