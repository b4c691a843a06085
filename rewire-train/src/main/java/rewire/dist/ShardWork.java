package rewire.dist;

import rewire.kernel.Kernels;

/**
 * The whole of one shard's part in a round, as every engine runs it: restore the snapshot into the
 * replica, run the {@link Round}, encode what goes back to the driver. A pure function of (replica
 * configuration, snapshot, task, shard, state): an engine that retries a failed task gets the
 * same bytes and the same next state.
 */
public final class ShardWork {
    private ShardWork() {
    }

    /**
     * What a shard sends and keeps.
     *
     * @param message the bytes that travel to the driver
     * @param state   the shard's state for its next round
     */
    public record Result(byte[] message, ShardState state) {
    }

    /** Shard {@code shard}'s round of {@code task} from {@code snapshot}, on {@code replica}. */
    public static Result run(Shardable replica, Snapshot snapshot, RoundTask task, int shard, ShardState state,
                             Kernels kernels) {
        Shard part = task.shard(shard);
        return switch (task.kind()) {
            case LOCAL -> {
                LocalUpdate update = Round.local(replica, snapshot, part, task.steps(), kernels);
                LocalMessage.Encoded e = LocalMessage.encode(update, replica.params(), snapshot, task, shard, state);
                yield new Result(e.bytes(), e.next());
            }
            case GRADIENTS -> new Result(GradientMessage.encode(Round.gradients(replica, snapshot, part, kernels),
                    replica), state);
        };
    }
}
