package rewire.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class BatcherTest {
    private static final int CASES = 200;

    @Test
    void keepCoversEveryExampleExactlyOncePerEpoch() {
        forEachSeed(56, CASES, rng -> keepCoversEveryExampleExactlyOncePerEpoch(intBetween(rng, 1, 60),
                intBetween(rng, 1, 70), rng.nextLong(), intBetween(rng, 0, 5)));
    }

    private static void keepCoversEveryExampleExactlyOncePerEpoch(int n, int batchSize, long seed, long epoch) {
        Batcher batcher = Batcher.shuffled(DatasetTest.small(n), batchSize, LastBatch.KEEP, new Rng(seed));
        int[] seen = new int[n];
        int batches = 0;
        for (Batch batch : batcher.epoch(epoch)) {
            batches++;
            for (int b = 0; b < batch.size(); b++) {
                seen[batch.index(b)]++;
            }
        }
        assertEquals((n + batchSize - 1) / batchSize, batches);
        for (int count : seen) {
            assertEquals(1, count);
        }
    }

    @Test
    void dropGivesOnlyFullBatchesOfDistinctExamples() {
        forEachSeed(57, CASES, rng -> dropGivesOnlyFullBatchesOfDistinctExamples(intBetween(rng, 1, 60),
                intBetween(rng, 1, 70), rng.nextLong()));
    }

    private static void dropGivesOnlyFullBatchesOfDistinctExamples(int n, int batchSize, long seed) {
        Batcher batcher = Batcher.shuffled(DatasetTest.small(n), batchSize, LastBatch.DROP, new Rng(seed));
        Set<Integer> seen = new HashSet<>();
        int batches = 0;
        for (Batch batch : batcher.epoch(3)) {
            batches++;
            assertEquals(batchSize, batch.size());
            for (int b = 0; b < batch.size(); b++) {
                assertTrue(seen.add(batch.index(b)));
            }
        }
        assertEquals(n / batchSize, batches);
    }

    @Test
    void batchIsFeatureMajorWithMatchingLabels() {
        Dataset data = DatasetTest.small(10);
        Batcher batcher = Batcher.shuffled(data, 4, LastBatch.KEEP, new Rng(7));
        for (Batch batch : batcher.epoch(0)) {
            assertEquals(3, batch.x().rows(), "rows are features");
            assertEquals(batch.size(), batch.x().cols(), "columns are examples");
            for (int b = 0; b < batch.size(); b++) {
                assertEquals(data.label(batch.index(b)), batch.label(b));
                for (int f = 0; f < 3; f++) {
                    assertEquals(data.feature(batch.index(b), f), batch.x().get(f, b));
                }
            }
        }
    }

    @Test
    void sameSeedSameOrderOtherEpochOrSeedAnother() {
        Dataset data = DatasetTest.small(50);
        List<Integer> a = order(Batcher.shuffled(data, 8, LastBatch.KEEP, new Rng(42)), 1);
        List<Integer> b = order(Batcher.shuffled(data, 8, LastBatch.KEEP, new Rng(42)), 1);
        assertEquals(a, b);
        assertFalse(a.equals(order(Batcher.shuffled(data, 8, LastBatch.KEEP, new Rng(42)), 2)));
        assertFalse(a.equals(order(Batcher.shuffled(data, 8, LastBatch.KEEP, new Rng(43)), 1)));
    }

    @Test
    void orderDependsOnlyOnEpochNotOnHistory() {
        Dataset data = DatasetTest.small(30);
        Batcher fresh = Batcher.shuffled(data, 7, LastBatch.KEEP, new Rng(5));
        Batcher used = Batcher.shuffled(data, 7, LastBatch.KEEP, new Rng(5));
        order(used, 0);
        order(used, 1);
        assertEquals(order(fresh, 2), order(used, 2));
    }

    @Test
    void resumingMidEpochGivesTheRemainingBatches() {
        Dataset data = DatasetTest.small(23);
        Batcher batcher = Batcher.shuffled(data, 5, LastBatch.KEEP, new Rng(9));
        List<Integer> all = order(batcher, 4);
        List<Integer> tail = new ArrayList<>();
        for (Batch batch : Batcher.shuffled(data, 5, LastBatch.KEEP, new Rng(9)).epoch(4, 2)) {
            for (int b = 0; b < batch.size(); b++) {
                tail.add(batch.index(b));
            }
        }
        assertEquals(all.subList(10, 23), tail);
    }

    @Test
    void inOrderIsTheDatasetOrderAndBuffersAreReused() {
        Batcher batcher = Batcher.inOrder(DatasetTest.small(10), 4, LastBatch.KEEP);
        List<Integer> indices = order(batcher, 0);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), indices);
        assertSame(batcher.batch(0, 0), batcher.batch(0, 1), "full batches share one buffer");
        assertEquals(2, batcher.batch(0, 2).size());
        assertArrayEquals(new int[] {0, 1}, batcher.batch(0, 2).labels());
    }

    @Test
    void aPrefetchingBatcherGivesTheSameBatchesBitForBit() {
        // sequential steps across epochs (short last batches, one-batch epochs), then jumps that miss
        // the prefetched batch, as a resumed run or an evaluation in between would ask
        forEachSeed(58, 60, rng -> {
            int n = intBetween(rng, 1, 40);
            int batchSize = intBetween(rng, 1, 45);
            LastBatch last = rng.nextInt(2) == 0 ? LastBatch.KEEP : LastBatch.DROP;
            long seed = rng.nextLong();
            if (n < batchSize && last == LastBatch.DROP) {
                return;
            }
            Dataset data = DatasetTest.small(n);
            Batcher plain = Batcher.shuffled(data, batchSize, last, new Rng(seed));
            Batcher prefetching = plain.prefetching();
            int perEpoch = plain.batchesPerEpoch();
            for (long step = 0; step < 3L * perEpoch + 2; step++) {
                assertSameBatch(plain.batch(step / perEpoch, (int) (step % perEpoch)),
                        prefetching.batch(step / perEpoch, (int) (step % perEpoch)));
            }
            for (int jump = 0; jump < 4; jump++) {
                long epoch = rng.nextInt(5);
                int index = rng.nextInt(perEpoch);
                assertSameBatch(plain.batch(epoch, index), prefetching.batch(epoch, index));
            }
        });
    }

    @Test
    void thePrefetchedBatchIsNotTheOneTheCallerHolds() {
        Batcher batcher = Batcher.shuffled(DatasetTest.small(12), 4, LastBatch.KEEP, new Rng(3)).prefetching();
        Batch first = batcher.batch(0, 0);              // batch 1 is now being filled in the background
        int[] held = first.labels().clone();
        float[] heldX = first.x().data().clone();
        batcher.awaitPrefetch();
        assertArrayEquals(held, first.labels(), "filling batch 1 left batch 0's buffer alone");
        assertArrayEquals(heldX, first.x().data());
        Batch second = batcher.batch(0, 1);
        assertFalse(first == second, "the caller's batch and the next one are different buffers");
    }

    private static void assertSameBatch(Batch expected, Batch actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.labels(), actual.labels());
        for (int b = 0; b < expected.size(); b++) {
            assertEquals(expected.index(b), actual.index(b));
        }
        float[] x = expected.x().data();
        float[] y = actual.x().data();
        for (int k = 0; k < x.length; k++) {
            assertEquals(Float.floatToRawIntBits(x[k]), Float.floatToRawIntBits(y[k]), "element " + k);
        }
    }

    @Test
    void rejectsBadArguments() {
        Batcher batcher = Batcher.inOrder(DatasetTest.small(10), 4, LastBatch.DROP);
        assertThrows(IndexOutOfBoundsException.class, () -> batcher.batch(0, 2));
        assertThrows(IllegalArgumentException.class, () -> Batcher.inOrder(DatasetTest.small(3), 0, LastBatch.KEEP));
    }

    private static List<Integer> order(Batcher batcher, long epoch) {
        List<Integer> order = new ArrayList<>();
        for (Batch batch : batcher.epoch(epoch)) {
            for (int b = 0; b < batch.size(); b++) {
                order.add(batch.index(b));
            }
        }
        return order;
    }
}
