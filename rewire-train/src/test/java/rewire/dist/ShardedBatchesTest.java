package rewire.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rewire.data.Batch;
import rewire.data.Batcher;
import rewire.data.Dataset;
import rewire.data.LastBatch;
import rewire.tensor.Rng;
import rewire.tensor.Shape;

/**
 * A batch shard takes its columns of the step's global batch; a federated client trains only on
 * examples it owns, the same on every replica.
 */
class ShardedBatchesTest {
    private static final int N = 240;

    // feature 0 of example i is i, so a batch's first row names its examples
    private static Dataset numbered() {
        float[] x = new float[N * 2];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            x[2 * i] = i;
            labels[i] = i % 6;
        }
        return Dataset.of("numbered", Shape.of(2), x, labels, 6);
    }

    private static ShardedBatches batches() {
        return new ShardedBatches(Batcher.shuffled(numbered(), 24, LastBatch.DROP, new Rng(1)), new Rng(2));
    }

    private static Set<Integer> examples(ShardedBatches.Examples e) {
        Set<Integer> out = new HashSet<>();
        for (int b = 0; b < e.labels().length; b++) {
            out.add((int) e.x().get(0, b));
        }
        return out;
    }

    @Test
    void aBatchShardTakesItsColumnsOfTheGlobalBatch() {
        Batcher global = Batcher.shuffled(numbered(), 24, LastBatch.DROP, new Rng(1));
        Batch whole = global.batch(1, 3);
        float[] first = Arrays.copyOf(whole.x().data(), 24);
        int[] labels = whole.labels().clone();
        ShardedBatches part = batches();
        part.restrictTo(new Shard(1, 3));
        ShardedBatches.Examples e = part.batch(10 + 3);
        assertEquals(8, e.labels().length);
        assertArrayEquals(Arrays.copyOfRange(first, 8, 16), Arrays.copyOf(e.x().data(), 8));
        assertArrayEquals(Arrays.copyOfRange(labels, 8, 16), e.labels());
    }

    @Test
    void clientsTrainOnExamplesNoOtherClientSeesTheSameOnEveryReplica() {
        ClientSplit split = new ClientSplit(ClientSplit.Sharding.DIRICHLET, 0.5);
        List<Set<Integer>> seen = new ArrayList<>();
        for (int client = 0; client < 3; client++) {
            ShardedBatches a = batches();
            ShardedBatches b = batches();
            a.restrictTo(new Shard(client, 3, split));
            b.restrictTo(new Shard(client, 3, split));
            Set<Integer> own = new HashSet<>();
            for (long step = 0; step < 40; step++) {
                ShardedBatches.Examples e = a.batch(step);
                assertEquals(8, e.labels().length, "a client's batch is the global batch over the clients");
                assertEquals(examples(e), examples(b.batch(step)), "step " + step + " is the same on another replica");
                own.addAll(examples(e));
            }
            seen.add(own);
        }
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                Set<Integer> both = new HashSet<>(seen.get(i));
                both.retainAll(seen.get(j));
                assertTrue(both.isEmpty(), "clients " + i + " and " + j + " share examples " + both);
            }
        }
    }
}
