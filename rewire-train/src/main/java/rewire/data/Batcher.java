package rewire.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import rewire.tensor.Rng;

/**
 * Cuts a {@link Dataset} into mini-batches, epoch by epoch. The order of epoch {@code e} is a
 * permutation drawn from {@code rng.fold(e)} (Fisher-Yates), or the dataset order when not
 * shuffling, so it depends only on the seed and the epoch number: a resumed run sees the same
 * batches, and {@link #batch(long, int)} can start an epoch in the middle.
 *
 * <p>Cheap by design: one permutation array and one {@link Batch} (plus one for a short last batch)
 * are reused for the whole run, so a batch is valid only until the next one is asked for. Not
 * thread-safe.
 *
 * <p>A {@link #prefetching()} batcher fills the batch that follows on a background thread while the
 * caller trains on the current one (two buffers of each size, alternating), so a training loop does
 * not wait for the gather and transpose of its input. Its batches are the same, bit for bit; asking
 * for any other batch than the next one waits for the fill in flight and fills synchronously.
 */
public final class Batcher {
    // One daemon thread shared by every prefetching batcher; it ends after a second without work.
    private static final ExecutorService PREFETCH = prefetchThread();

    private static ExecutorService prefetchThread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "rewire-batch-prefetch");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private final Dataset data;
    private final int batchSize;
    private final LastBatch last;
    private final Rng rng;
    private final int[] order;
    private final boolean prefetch;
    private long orderEpoch = -1;
    // [slot]: a plain batcher uses slot 0 only; a prefetching one alternates, so that the batch the
    // caller holds and the one being filled are never the same object
    private final Batch[] full = new Batch[2];
    private final Batch[] partial = new Batch[2];
    private int slot;
    // the prefetched batch in flight (null when none) and its position
    private Future<Batch> pending;
    private long pendingEpoch;
    private int pendingIndex;

    private Batcher(Dataset data, int batchSize, LastBatch last, Rng rng, boolean prefetch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.last = last;
        this.rng = rng;
        this.order = new int[data.size()];
        this.prefetch = prefetch;
    }

    /** Batches in a fresh random order every epoch, drawn from {@code rng.fold(epoch)}; {@code rng} is not advanced. */
    public static Batcher shuffled(Dataset data, int batchSize, LastBatch last, Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("a shuffled batcher needs an Rng");
        }
        return new Batcher(data, batchSize, last, rng, false);
    }

    /** Batches in dataset order, the same every epoch (for evaluation). */
    public static Batcher inOrder(Dataset data, int batchSize, LastBatch last) {
        return new Batcher(data, batchSize, last, null, false);
    }

    /** A batcher over the same data and order that fills each next batch in the background (see the class comment). */
    public Batcher prefetching() {
        return new Batcher(data, batchSize, last, rng, true);
    }

    public Dataset dataset() {
        return data;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch: {@code floor(n / B)} when dropping the remainder, {@code ceil(n / B)} when keeping it. */
    public int batchesPerEpoch() {
        int whole = data.size() / batchSize;
        return last == LastBatch.KEEP && data.size() % batchSize != 0 ? whole + 1 : whole;
    }

    /**
     * Batch {@code index} of epoch {@code epoch}; the returned object is refilled by the next call.
     *
     * @throws IndexOutOfBoundsException when {@code index} is outside {@code [0, batchesPerEpoch())}
     */
    public Batch batch(long epoch, int index) {
        if (index < 0 || index >= batchesPerEpoch()) {
            throw new IndexOutOfBoundsException("batch " + index + " outside [0, " + batchesPerEpoch() + ") of " + data.name());
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be non-negative, got " + epoch);
        }
        Batch batch = takePending(epoch, index);
        if (batch == null) {
            batch = fill(epoch, index);
        }
        if (prefetch) {
            boolean lastOfEpoch = index + 1 == batchesPerEpoch();
            long nextEpoch = lastOfEpoch ? epoch + 1 : epoch;
            int nextIndex = lastOfEpoch ? 0 : index + 1;
            pending = PREFETCH.submit(() -> fill(nextEpoch, nextIndex));
            pendingEpoch = nextEpoch;
            pendingIndex = nextIndex;
        }
        return batch;
    }

    // fills batch index of epoch into the next buffer: on the caller's thread, or on the prefetch
    // thread (then the caller only touches order and the buffers after waiting for it)
    private Batch fill(long epoch, int index) {
        prepareOrder(epoch);
        int from = index * batchSize;
        int size = Math.min(batchSize, data.size() - from);
        Batch batch = buffer(size == batchSize ? full : partial, size);
        batch.fill(data, order, from);
        return batch;
    }

    // waits for the fill in flight, if any; returns its batch when it is (epoch, index), else null
    private Batch takePending(long epoch, int index) {
        if (pending == null) {
            return null;
        }
        Future<Batch> inFlight = pending;
        pending = null;
        Batch batch;
        try {
            batch = inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the prefetched batch " + pendingIndex
                    + " of epoch " + pendingEpoch + " of " + data.name(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("prefetching batch " + pendingIndex + " of epoch " + pendingEpoch
                    + " of " + data.name() + " failed", e.getCause());
        }
        return epoch == pendingEpoch && index == pendingIndex ? batch : null;
    }

    /** Waits until the batch being filled in the background, if any, is ready (for tests). */
    void awaitPrefetch() {
        if (pending != null) {
            try {
                pending.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("prefetching failed", e);
            }
        }
    }

    /** The batches of epoch {@code epoch}, in order. */
    public Iterable<Batch> epoch(long epoch) {
        return epoch(epoch, 0);
    }

    /** The batches of epoch {@code epoch} from batch {@code first} on, for resuming within an epoch. */
    public Iterable<Batch> epoch(long epoch, int first) {
        if (first < 0 || first > batchesPerEpoch()) {
            throw new IndexOutOfBoundsException("first batch " + first + " outside [0, " + batchesPerEpoch() + "]");
        }
        return () -> new Iterator<>() {
            private int next = first;

            @Override
            public boolean hasNext() {
                return next < batchesPerEpoch();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("epoch " + epoch + " has " + batchesPerEpoch() + " batches");
                }
                return batch(epoch, next++);
            }
        };
    }

    private void prepareOrder(long epoch) {
        if (epoch == orderEpoch) {
            return;
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (rng != null) {
            Rng epochRng = rng.fold(epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = epochRng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        orderEpoch = epoch;
    }

    private Batch buffer(Batch[] slots, int size) {
        int at = slot;
        if (prefetch) {
            slot ^= 1;
        }
        if (slots[at] == null) {
            slots[at] = new Batch(data.features(), size);
        }
        assert slots[at].size() == size;
        return slots[at];
    }
}
