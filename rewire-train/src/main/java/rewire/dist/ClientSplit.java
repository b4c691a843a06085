package rewire.dist;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import rewire.tensor.Rng;

/**
 * Which training examples each shard owns. By default ({@link Sharding#BATCH}) none: shard
 * {@code s} of {@code P} trains on part {@code s} of every global batch, so the shards together see
 * exactly what one process would. In federated training each shard is a client that owns a fixed
 * part of the training set and draws its batches from it: a uniformly random part
 * ({@link Sharding#IID}), or label proportions drawn per class from a symmetric Dirichlet
 * distribution of concentration {@code alpha} ({@link Sharding#DIRICHLET}; Hsu, Qi and Brown 2019),
 * where a small alpha gives each client few classes.
 *
 * @param sharding how examples are assigned
 * @param alpha    the Dirichlet concentration (used by {@link Sharding#DIRICHLET} only)
 */
public record ClientSplit(Sharding sharding, double alpha) implements Serializable {
    /** Part s of every global batch: no client owns examples. */
    public static final ClientSplit BATCH = new ClientSplit(Sharding.BATCH, 1);
    // draws of the Dirichlet split before giving up on every client holding enough examples
    private static final int ATTEMPTS = 100;

    /** How examples are assigned to shards ({@code dist.split}). */
    public enum Sharding {
        /** Shard s trains on part s of every global batch. */
        BATCH,
        /** Client s owns a uniformly random share of the training set. */
        IID,
        /** Client s owns, of each class, a share drawn from Dirichlet(alpha). */
        DIRICHLET
    }

    public ClientSplit {
        if (sharding == null || !(alpha > 0)) {
            throw new IllegalArgumentException("a client split needs a sharding and alpha > 0, got " + sharding + ", "
                    + alpha);
        }
    }

    /** Whether shards own examples (federated clients) rather than parts of each batch. */
    public boolean byClient() {
        return sharding != Sharding.BATCH;
    }

    /**
     * The examples each of {@code clients} clients owns, each list in increasing order; every
     * example goes to exactly one client and every client gets at least {@code minimum}.
     *
     * @param labels  the label of every training example
     * @param classes the number of classes
     * @param rng     the split's randomness: the same generator gives the same split on every replica
     * @throws IllegalArgumentException when the examples cannot give every client {@code minimum}
     */
    public int[][] assign(int[] labels, int classes, int clients, int minimum, Rng rng) {
        if (!byClient()) {
            throw new IllegalStateException("split=batch assigns no examples to clients");
        }
        if ((long) clients * minimum > labels.length) {
            throw new IllegalArgumentException(labels.length + " training examples cannot give " + clients + " clients "
                    + minimum + " each (a client trains on batches of " + minimum + ")");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int[][] owned = sharding == Sharding.IID ? iid(labels.length, clients, rng.fold(attempt))
                    : dirichlet(labels, classes, clients, rng.fold(attempt));
            if (smallest(owned) >= minimum) {
                return owned;
            }
        }
        throw new IllegalArgumentException("dist.alpha " + alpha + ": " + ATTEMPTS + " Dirichlet draws all left a client "
                + "with fewer than " + minimum + " examples (one batch); raise dist.alpha or lower dist.partitions");
    }

    // a random permutation cut into equal parts (the first n mod clients parts one longer)
    private static int[][] iid(int n, int clients, Rng rng) {
        int[] order = permutation(n, rng);
        int[][] owned = new int[clients][];
        for (int c = 0; c < clients; c++) {
            owned[c] = sorted(Arrays.copyOfRange(order, (int) ((long) c * n / clients),
                    (int) ((long) (c + 1) * n / clients)));
        }
        return owned;
    }

    // per class: its examples shuffled, cut at the cumulative Dirichlet proportions
    private int[][] dirichlet(int[] labels, int classes, int clients, Rng rng) {
        List<List<Integer>> owned = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            owned.add(new ArrayList<>());
        }
        for (int k = 0; k < classes; k++) {
            int[] members = shuffled(ofClass(labels, k), rng.fold(2L * k));
            double[] share = Dirichlet.sample(alpha, clients, rng.fold(2L * k + 1));
            double cumulative = 0;
            int from = 0;
            for (int c = 0; c < clients; c++) {
                cumulative += share[c];
                int to = c == clients - 1 ? members.length : (int) Math.min(members.length, Math.round(cumulative
                        * members.length));
                for (int i = from; i < to; i++) {
                    owned.get(c).add(members[i]);
                }
                from = Math.max(from, to);
            }
        }
        int[][] out = new int[clients][];
        for (int c = 0; c < clients; c++) {
            out[c] = sorted(owned.get(c).stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static int[] ofClass(int[] labels, int k) {
        return IntStream.range(0, labels.length).filter(i -> labels[i] == k).toArray();
    }

    private static int[] permutation(int n, Rng rng) {
        return shuffled(IntStream.range(0, n).toArray(), rng);
    }

    // Fisher-Yates in place
    private static int[] shuffled(int[] a, Rng rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int[] sorted(int[] a) {
        Arrays.sort(a);
        return a;
    }

    private static int smallest(int[][] owned) {
        int min = Integer.MAX_VALUE;
        for (int[] o : owned) {
            min = Math.min(min, o.length);
        }
        return min;
    }
}
