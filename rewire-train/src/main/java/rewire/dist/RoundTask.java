package rewire.dist;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What every shard of a round does, apart from the model it starts from (the {@link Snapshot},
 * which an engine broadcasts once): small and serializable, so an engine ships it with each task.
 * Together with the snapshot and a shard's {@link ShardState} it fixes the shard's result bit for
 * bit ({@link ShardWork}).
 *
 * @param kind        local steps, or one step's gradients for an update the driver applies
 * @param steps       local steps of the round (1 for gradients)
 * @param shards      the shards that train this round, in increasing order (all of them, or the
 *                    sampled federated clients)
 * @param count       how many shards there are
 * @param clients     how the shards' examples are chosen
 * @param compression how the shards encode their updates
 * @param seed        the run's seed, from which random-k's draws are folded
 */
public record RoundTask(Kind kind, long steps, int[] shards, int count, ClientSplit clients, Compression compression,
                        long seed) implements Serializable {

    /** What a shard returns. */
    public enum Kind {
        /** {@code steps} local optimizer steps; the shard returns its update. */
        LOCAL,
        /** One step's gradients and sparse layers' batches; the driver applies the update. */
        GRADIENTS
    }

    public RoundTask {
        shards = shards.clone();
        if (steps < 1 || kind == Kind.GRADIENTS && steps != 1) {
            throw new IllegalArgumentException("a " + kind + " round of " + steps + " steps");
        }
        for (int i = 0; i < shards.length; i++) {
            if (shards[i] < 0 || shards[i] >= count || i > 0 && shards[i] <= shards[i - 1]) {
                throw new IllegalArgumentException("shards " + Arrays.toString(shards) + " are not increasing indices below "
                        + count);
            }
        }
    }

    /** Whether shard {@code index} trains this round. */
    public boolean includes(int index) {
        return Arrays.binarySearch(shards, index) >= 0;
    }

    /** Shard {@code index} as its replica sees it. */
    public Shard shard(int index) {
        return new Shard(index, count, clients);
    }

    @Override
    public int[] shards() {
        return shards.clone();
    }
}
