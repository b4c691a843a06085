package rewire.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

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
     * After a failure no further chunk starts, and the first failure is rethrown.
     *
     * <p>The calling thread takes chunks too and waits only for chunks that a helper has taken,
     * never for a helper to wake up: on a small op the caller often finishes every chunk before
     * the helper is scheduled, and waiting for it (tens of microseconds on a virtual machine) made
     * a 1%-dense network slower on two threads than on one.
     */
    public void forRange(int n, int grain, RangeBody body) {
        run(n, grain, body, false);
    }

    /**
     * Like {@link #forRange}, but {@code body} always sees the same chunks: with one thread it runs
     * them one after the other instead of the whole range at once. For a body whose bits depend on
     * the range it is given, such as an OpenBLAS product (it picks its blocking from the shape),
     * so that 1 and N threads compute the same chunks and the same bits.
     */
    public void forEachChunk(int n, int grain, RangeBody body) {
        run(n, grain, body, true);
    }

    private void run(int n, int grain, RangeBody body, boolean alwaysInChunks) {
        if (grain < 1) {
            throw new IllegalArgumentException("grain must be at least 1, got " + grain);
        }
        int chunks = (int) ((n + (long) grain - 1) / grain);
        if (chunks > 1 && threads == 1 && alwaysInChunks) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                int from = chunk * grain;
                body.run(from, from + Math.min(grain, n - from));
            }
            return;
        }
        if (chunks <= 1 || threads == 1) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        Chunks work = new Chunks(n, grain, chunks, body);
        int helperCount = Math.min(threads, chunks) - 1;
        for (int i = 0; i < helperCount; i++) {
            helpers.execute(work::take);
        }
        work.take();
        work.awaitTaken();
        rethrow(work.failure.get());
    }

    /** The chunks of one {@link #forRange} call, handed out to whichever thread asks first. */
    private static final class Chunks {
        // Spins before the waiting caller starts parking: chunks are sized to take microseconds.
        private static final int SPINS = 1 << 14;
        private static final long PARK_NANOS = 20_000;

        private final int n;
        private final int grain;
        private final int count;
        private final RangeBody body;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Chunks(int n, int grain, int count, RangeBody body) {
            this.n = n;
            this.grain = grain;
            this.count = count;
            this.body = body;
        }

        // Runs chunks until none is left; after a failure the remaining chunks are skipped.
        void take() {
            for (int chunk; (chunk = next.getAndIncrement()) < count; ) {
                int from = chunk * grain;
                try {
                    if (failure.get() == null) {
                        body.run(from, Math.min(n, from + grain));
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        // Called once the caller's take() has returned, so every chunk has been taken: waits until
        // the ones helpers took have finished (the counter's increments publish their writes).
        void awaitTaken() {
            int spins = 0;
            while (finished.get() < count) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(PARK_NANOS);
                }
            }
        }
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

    /**
     * The grain that splits {@code n} items of about {@code costPerItem} operations each into
     * chunks of at least {@code minCost} operations. Depends only on its arguments.
     */
    public static int grainFor(int n, long costPerItem, long minCost) {
        long perChunk = Math.max(1, minCost / Math.max(1, costPerItem));
        return (int) Math.max(1, Math.min(n, perChunk));
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
