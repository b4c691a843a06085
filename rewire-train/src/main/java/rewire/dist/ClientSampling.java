package rewire.dist;

import java.util.Arrays;
import rewire.tensor.Rng;

/**
 * Which federated clients train in a round: {@code max(1, round(fraction·count))} of them, drawn
 * without replacement (McMahan et al. 2017, FedAvg's client fraction C). The generator is folded
 * from the round's first step, so a resumed run samples the same clients.
 */
final class ClientSampling {
    private ClientSampling() {
    }

    /** The sampled clients in increasing order; all of them when {@code fraction} is 1. */
    static int[] sample(int count, double fraction, Rng rng) {
        int m = (int) Math.max(1, Math.min(count, Math.round(fraction * count)));
        if (m == count) {
            int[] all = new int[count];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return Compression.randomK(count, m, rng.nextLong());
    }
}
