package rewire.dist;

import java.util.Arrays;
import rewire.data.Batch;
import rewire.data.Batcher;
import rewire.data.Dataset;
import rewire.data.LastBatch;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The training examples of each step for one shard of a labelled, batch-based workload (the
 * classifiers): part {@code s} of the global batch of step {@code t}, or, for a federated client,
 * batch {@code t} of the client's own shuffled examples. Workloads delegate
 * {@link Shardable#restrictTo} here, so every shard rule lives in one place.
 */
public final class ShardedBatches {
    private static final long CLIENT_SPLIT = 0xC5L;
    private static final long CLIENT_ORDER = 0xC0L;

    private final Batcher global;
    private final Rng rng;
    private Shard shard = Shard.whole();
    // the client's own examples, null unless the shard splits by client
    private Batcher client;

    /**
     * @param global the batches of the whole run (batch {@code t mod n} of epoch {@code t / n} at step {@code t})
     * @param rng    the run's data generator: clients' splits and orders are folded from it
     */
    public ShardedBatches(Batcher global, Rng rng) {
        this.global = global;
        this.rng = rng;
    }

    /** The examples and labels of one step: {@code x} is {@code (features, b)}. */
    public record Examples(Tensor x, int[] labels) {
    }

    /** Steps in one epoch of the whole training set. */
    public long stepsPerEpoch() {
        return global.batchesPerEpoch();
    }

    /**
     * From now on, gives {@code part}'s examples; a client's share of the training set is drawn
     * once per shard (the same on every replica: the split is folded from the run's generator).
     */
    public void restrictTo(Shard part) {
        if (part.equals(shard)) {
            return;
        }
        shard = part;
        client = null;
        if (part.clients().byClient()) {
            Dataset all = global.dataset();
            int[] labels = new int[all.size()];
            Arrays.setAll(labels, all::label);
            int batch = part.clientBatch(global.batchSize());
            int[] own = part.clients().assign(labels, all.classes(), part.count(), batch, rng.fold(CLIENT_SPLIT))
                    [part.index()];
            client = Batcher.shuffled(all.subset(own), batch, LastBatch.DROP, rng.fold(CLIENT_ORDER).fold(part.index()));
        }
    }

    /** The examples of step {@code step} for the current shard (copies where a shard takes a part). */
    public Examples batch(long step) {
        if (client != null) {
            long n = client.batchesPerEpoch();
            Batch b = client.batch(step / n, (int) (step % n));
            return new Examples(b.x(), b.labels());
        }
        long n = global.batchesPerEpoch();
        Batch b = global.batch(step / n, (int) (step % n));
        if (shard.count() == 1) {
            return new Examples(b.x(), b.labels());
        }
        int from = shard.from(b.size());
        int to = shard.to(b.size());
        return new Examples(b.x().columns(from, to), Arrays.copyOfRange(b.labels(), from, to));   // (features, B / shards)
    }
}
