package rewire.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
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
 */
public final class Batcher {
    private final Dataset data;
    private final int batchSize;
    private final LastBatch last;
    private final Rng rng;
    private final int[] order;
    private long orderEpoch = -1;
    private Batch full;
    private Batch partial;

    private Batcher(Dataset data, int batchSize, LastBatch last, Rng rng) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.last = last;
        this.rng = rng;
        this.order = new int[data.size()];
    }

    /** Batches in a fresh random order every epoch, drawn from {@code rng.fold(epoch)}; {@code rng} is not advanced. */
    public static Batcher shuffled(Dataset data, int batchSize, LastBatch last, Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("a shuffled batcher needs an Rng");
        }
        return new Batcher(data, batchSize, last, rng);
    }

    /** Batches in dataset order, the same every epoch (for evaluation). */
    public static Batcher inOrder(Dataset data, int batchSize, LastBatch last) {
        return new Batcher(data, batchSize, last, null);
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
        prepareOrder(epoch);
        int from = index * batchSize;
        int size = Math.min(batchSize, data.size() - from);
        Batch batch = size == batchSize ? fullBatch() : partialBatch(size);
        batch.fill(data, order, from);
        return batch;
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

    private Batch fullBatch() {
        if (full == null) {
            full = new Batch(data.features(), batchSize);
        }
        return full;
    }

    private Batch partialBatch(int size) {
        if (partial == null) {
            partial = new Batch(data.features(), size);
        }
        assert partial.size() == size;
        return partial;
    }
}
