package rewire.dist;

import java.io.Serializable;

/**
 * Shard {@code index} of {@code count}. With the default split ({@link ClientSplit#BATCH}) it is
 * part {@code index} of every global batch: examples {@code [from(B), to(B))} of a batch of
 * {@code B}, contiguous parts of equal size. With a client split it is a federated client that owns
 * the examples {@link ClientSplit#assign} gives it and trains on batches of {@code B / count} drawn
 * from them.
 *
 * @param index   which shard
 * @param count   how many shards
 * @param clients how the shards' examples are chosen
 */
public record Shard(int index, int count, ClientSplit clients) implements Serializable {

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + ": need 0 <= index < count");
        }
        if (clients == null) {
            throw new IllegalArgumentException("shard " + index + " of " + count + ": no client split (use ClientSplit.BATCH)");
        }
    }

    /** Part {@code index} of {@code count} of every global batch. */
    public Shard(int index, int count) {
        this(index, count, ClientSplit.BATCH);
    }

    /** The whole batch: the only shard of a single process. */
    public static Shard whole() {
        return new Shard(0, 1);
    }

    /** First example of this shard in a batch of {@code batch}. */
    public int from(int batch) {
        requireDivisible(batch);
        return index * (batch / count);
    }

    /** One past the last example of this shard in a batch of {@code batch}. */
    public int to(int batch) {
        return from(batch) + batch / count;
    }

    /** The batch a client trains on when the global batch is {@code batch}: an equal share of it. */
    public int clientBatch(int batch) {
        requireDivisible(batch);
        return batch / count;
    }

    private void requireDivisible(int batch) {
        if (batch % count != 0) {
            throw new IllegalArgumentException("a batch of " + batch + " does not split into " + count
                    + " equal shards");
        }
    }
}
