package rewire.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

/**
 * Client splits partition the training set (every example owned once), IID splits are even, a
 * small Dirichlet concentration gives clients few classes where IID gives them all, and the same
 * generator gives the same split.
 */
class ClientSplitTest {
    private static final int CLASSES = 10;

    private static int[] labels(int n) {
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % CLASSES);
        return labels;
    }

    private static void assertPartition(int[][] owned, int n) {
        boolean[] seen = new boolean[n];
        for (int[] client : owned) {
            for (int i = 0; i < client.length; i++) {
                assertTrue(!seen[client[i]], "example " + client[i] + " owned twice");
                seen[client[i]] = true;
                assertTrue(i == 0 || client[i] > client[i - 1], "each client's examples in increasing order");
            }
        }
        for (int i = 0; i < n; i++) {
            assertTrue(seen[i], "example " + i + " owned by no client");
        }
    }

    // the mean over clients of the share of a client's examples in its most frequent class
    private static double meanTopClassShare(int[][] owned, int[] labels) {
        double sum = 0;
        for (int[] client : owned) {
            int[] counts = new int[CLASSES];
            for (int i : client) {
                counts[labels[i]]++;
            }
            sum += (double) Arrays.stream(counts).max().orElse(0) / client.length;
        }
        return sum / owned.length;
    }

    @Test
    void iidClientsOwnEqualRandomShares() {
        int[] labels = labels(1000);
        int[][] owned = new ClientSplit(ClientSplit.Sharding.IID, 1).assign(labels, CLASSES, 8, 16, new Rng(1));
        assertPartition(owned, 1000);
        for (int[] client : owned) {
            assertEquals(125, client.length);
        }
        assertTrue(meanTopClassShare(owned, labels) < 0.25, "an IID client sees every class");
    }

    @Test
    void aSmallDirichletAlphaGivesEachClientFewClasses() {
        int[] labels = labels(2000);
        int[][] skewed = new ClientSplit(ClientSplit.Sharding.DIRICHLET, 0.1).assign(labels, CLASSES, 4, 16, new Rng(2));
        int[][] even = new ClientSplit(ClientSplit.Sharding.DIRICHLET, 1000).assign(labels, CLASSES, 4, 16, new Rng(2));
        assertPartition(skewed, 2000);
        assertPartition(even, 2000);
        assertTrue(meanTopClassShare(skewed, labels) > 0.4, "alpha 0.1: " + meanTopClassShare(skewed, labels));
        assertTrue(meanTopClassShare(even, labels) < 0.15, "alpha 1000: " + meanTopClassShare(even, labels));
    }

    @Test
    void theSameGeneratorGivesTheSameSplit() {
        ClientSplit split = new ClientSplit(ClientSplit.Sharding.DIRICHLET, 0.5);
        int[][] a = split.assign(labels(500), CLASSES, 5, 8, new Rng(3));
        int[][] b = split.assign(labels(500), CLASSES, 5, 8, new Rng(3));
        for (int c = 0; c < a.length; c++) {
            assertArrayEquals(a[c], b[c]);
        }
    }

    @Test
    void everyClientHoldsAtLeastOneBatch() {
        int[][] owned = new ClientSplit(ClientSplit.Sharding.DIRICHLET, 0.1).assign(labels(2000), CLASSES, 8, 32,
                new Rng(4));
        for (int[] client : owned) {
            assertTrue(client.length >= 32, "a client of " + client.length);
        }
    }

    @Test
    void tooFewExamplesForTheClientsAreRefusedWithTheNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClientSplit(
                ClientSplit.Sharding.IID, 1).assign(labels(100), CLASSES, 8, 16, new Rng(5)));
        assertTrue(e.getMessage().contains("100 training examples cannot give 8 clients 16 each"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ClientSplit(ClientSplit.Sharding.DIRICHLET, 0.001)
                .assign(labels(200), CLASSES, 10, 19, new Rng(6)));
        assertTrue(e.getMessage().contains("raise dist.alpha or lower dist.partitions"), e.getMessage());
    }

    @Test
    void dirichletProportionsSumToOneAndFollowAlpha() {
        Rng rng = new Rng(7);
        double spreadSmall = 0;
        double spreadLarge = 0;
        for (int draw = 0; draw < 200; draw++) {
            double[] small = Dirichlet.sample(0.1, 5, rng);
            double[] large = Dirichlet.sample(100, 5, rng);
            assertEquals(1, Arrays.stream(small).sum(), 1e-9);
            assertEquals(1, Arrays.stream(large).sum(), 1e-9);
            spreadSmall += Arrays.stream(small).max().orElseThrow();
            spreadLarge += Arrays.stream(large).max().orElseThrow();
        }
        assertTrue(spreadSmall / 200 > 0.7, "alpha 0.1 puts most mass on one entry: " + spreadSmall / 200);
        assertTrue(spreadLarge / 200 < 0.3, "alpha 100 is near uniform: " + spreadLarge / 200);
    }
}
