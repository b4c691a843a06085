package rewire.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void everyIndexIsCoveredExactlyOnceInFixedChunks() {
        for (int threads : new int[] {1, 2, 3, 4}) {
            try (Parallel parallel = new Parallel(threads)) {
                for (int n : new int[] {0, 1, 2, 7, 100, 1000}) {
                    for (int grain : new int[] {1, 3, 7, 64, 1000, 5000}) {
                        String what = "threads " + threads + ", n " + n + ", grain " + grain;
                        AtomicIntegerArray hits = new AtomicIntegerArray(n);
                        List<int[]> ranges = new CopyOnWriteArrayList<>();
                        parallel.forRange(n, grain, (from, to) -> {
                            ranges.add(new int[] {from, to});
                            for (int i = from; i < to; i++) {
                                hits.incrementAndGet(i);
                            }
                        });
                        for (int i = 0; i < n; i++) {
                            assertEquals(1, hits.get(i), what + ": index " + i);
                        }
                        for (int[] r : ranges) {
                            assertTrue(r[0] < r[1], what + ": empty range");
                            // one thread runs the whole range at once; otherwise chunks are [c*grain, (c+1)*grain)
                            boolean whole = r[0] == 0 && r[1] == n;
                            boolean chunk = r[0] % grain == 0 && r[1] == Math.min(n, r[0] + grain);
                            assertTrue(whole && threads == 1 || chunk, what + ": range [" + r[0] + ", " + r[1] + ")");
                        }
                    }
                }
            }
        }
    }

    /** forEachChunk hands every thread count the same ranges: one thread runs them in order. */
    @Test
    void forEachChunkGivesOneThreadTheSameChunksAsSeveral() {
        for (int n : new int[] {0, 1, 7, 100, 1000}) {
            for (int grain : new int[] {1, 3, 64, 1000}) {
                Set<List<Integer>> expected = new HashSet<>();
                for (int from = 0; from < n; from += grain) {
                    expected.add(List.of(from, Math.min(n, from + grain)));
                }
                for (int threads : new int[] {1, 2, 3}) {
                    try (Parallel parallel = new Parallel(threads)) {
                        List<List<Integer>> ranges = new CopyOnWriteArrayList<>();
                        parallel.forEachChunk(n, grain, (from, to) -> ranges.add(List.of(from, to)));
                        String what = "threads " + threads + ", n " + n + ", grain " + grain;
                        assertEquals(expected.size(), ranges.size(), what);
                        assertEquals(expected, new HashSet<>(ranges), what);
                    }
                }
            }
        }
    }

    @Test
    void aFailingChunkPropagatesItsException() {
        for (int threads : new int[] {1, 2, 3}) {
            try (Parallel parallel = new Parallel(threads)) {
                IllegalStateException boom = new IllegalStateException("the chunk holding index 40 failed");
                IllegalStateException thrown = assertThrows(IllegalStateException.class,
                        () -> parallel.forRange(100, 10, (from, to) -> {
                            if (from <= 40 && 40 < to) {
                                throw boom;
                            }
                        }));
                assertSame(boom, thrown, "threads " + threads);
                assertThrows(AssertionError.class, () -> parallel.forRange(100, 10, (from, to) -> {
                    throw new AssertionError("error in chunk");
                }));
                AtomicInteger covered = new AtomicInteger();
                parallel.forRange(100, 10, (from, to) -> covered.addAndGet(to - from));
                assertEquals(100, covered.get(), "the pool still works after a failure");
            }
        }
    }

    /**
     * When the calling thread's chunk fails, forRange must still wait for the helper's chunk before
     * it throws: the caller may reuse the output arrays right after.
     */
    @Test
    void aFailureOnTheCallingThreadWaitsForTheOtherChunks() {
        try (Parallel parallel = new Parallel(2)) {
            Thread caller = Thread.currentThread();
            CountDownLatch helperStarted = new CountDownLatch(1);
            AtomicInteger helperChunksDone = new AtomicInteger();
            assertThrows(IllegalStateException.class, () -> parallel.forRange(2, 1, (from, to) -> {
                if (Thread.currentThread() == caller) {
                    awaitQuietly(helperStarted);
                    throw new IllegalStateException("caller chunk failed");
                }
                helperStarted.countDown();
                sleepQuietly(100);
                helperChunksDone.incrementAndGet();
            }));
            assertEquals(1, helperChunksDone.get(), "forRange returned before the helper's chunk finished");
        }
    }

    @Test
    void grainForStaysWithinOneAndN() {
        assertEquals(1, Parallel.grainFor(0, 10, 1000));
        assertEquals(100, Parallel.grainFor(1000, 10, 1000));
        assertEquals(50, Parallel.grainFor(50, 10, 1000), "capped at n");
        assertEquals(1, Parallel.grainFor(10, 1L << 40, 1000), "at least one item");
        assertEquals(10, Parallel.grainFor(10, 0, 1000), "free items");
        for (int n : new int[] {1, 7, 1000, Integer.MAX_VALUE}) {
            for (long cost : new long[] {0, 1, 13, 1L << 20, Long.MAX_VALUE}) {
                for (long min : new long[] {0, 1, 1L << 15, Long.MAX_VALUE}) {
                    int grain = Parallel.grainFor(n, cost, min);
                    assertTrue(grain >= 1 && grain <= n, "grainFor(" + n + ", " + cost + ", " + min + ") = " + grain);
                    assertTrue(grain == n || (long) grain * Math.max(1, cost) >= Math.min(min, Math.max(1, cost)),
                            "chunk below the minimum cost: grainFor(" + n + ", " + cost + ", " + min + ") = " + grain);
                }
            }
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Parallel(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        try (Parallel parallel = new Parallel(1)) {
            assertThrows(IllegalArgumentException.class, () -> parallel.forRange(10, 0, (from, to) -> { }));
            assertEquals(1, parallel.threads());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the helper never took a chunk");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
