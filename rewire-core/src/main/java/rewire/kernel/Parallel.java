package rewire.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a range of work in fixed chunks on a fixed pool of threads.
 *
 * <p>Chunk boundaries depend only on the range and the grain, never on the thread count, and each
 * chunk writes its own outputs; so a kernel whose per-element arithmetic does not depend on the
 * chunk gives bitwise identical results with 1 thread or 64. The calling thread works too, so a
 * pool of {@code threads} uses {@code threads - 1} helper threads.
 */
public final class Parallel implements AutoCloseable {
    /** System property that sets the default thread count. */
    public static final String THREADS_PROPERTY = "rewire.threads";

    private final int threads;
    private final ExecutorService helpers;

    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "rewire-kernel");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code -Drewire.threads=N} when set, otherwise the number of available processors. */
    public static int defaultThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + value + " is not a positive integer");
    }

    public int threads() {
        return threads;
    }

    /** Work on a range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Splits {@code [0, n)} into chunks of {@code grain} (the last may be shorter) and runs
     * {@code body} on each, in parallel. Returns or throws only when no chunk is running any more.
     * After a failure no further chunk starts, and the failure is rethrown (the calling thread's
     * own first, otherwise the first helper's).
     */
    public void forRange(int n, int grain, RangeBody body) {
        if (grain < 1) {
            throw new IllegalArgumentException("grain must be at least 1, got " + grain);
        }
        int chunks = (int) ((n + (long) grain - 1) / grain);
        if (chunks <= 1 || threads == 1) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int chunk; (chunk = next.getAndIncrement()) < chunks; ) {
                int from = chunk * grain;
                try {
                    body.run(from, Math.min(n, from + grain));
                } catch (RuntimeException | Error e) {
                    next.set(chunks); // hand out no further chunks
                    throw e;
                }
            }
        };
        int helperCount = Math.min(threads, chunks) - 1;
        List<Future<?>> futures = new ArrayList<>(helperCount);
        for (int i = 0; i < helperCount; i++) {
            futures.add(helpers.submit(worker));
        }
        Throwable failure = runCapturing(worker);
        rethrow(joinAll(futures, failure));
    }

    // Waits for every helper even after a failure, since the caller may reuse the outputs once
    // forRange returns; gives the first failure, the caller's before the helpers'.
    private static Throwable joinAll(List<Future<?>> futures, Throwable callerFailure) {
        Throwable failure = callerFailure;
        for (Future<?> f : futures) {
            Throwable helperFailure = runCapturing(() -> join(f));
            failure = failure != null ? failure : helperFailure;
        }
        return failure;
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        assert failure == null : failure;
    }

    // the unchecked failure of task, or null when it completes
    private static Throwable runCapturing(Runnable task) {
        try {
            task.run();
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    /**
     * The grain that splits {@code n} items of about {@code costPerItem} operations each into
     * chunks of at least {@code minCost} operations. Depends only on its arguments.
     */
    public static int grainFor(int n, long costPerItem, long minCost) {
        long perChunk = Math.max(1, minCost / Math.max(1, costPerItem));
        return (int) Math.max(1, Math.min(n, perChunk));
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a kernel chunk", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
