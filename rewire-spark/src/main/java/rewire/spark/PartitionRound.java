package rewire.spark;

import java.io.Serializable;
import rewire.dist.ReplicaFactory;
import rewire.dist.RoundTask;
import rewire.dist.ShardState;
import rewire.dist.ShardWork;
import rewire.dist.Snapshot;
import rewire.io.CorruptFileException;
import rewire.kernel.Kernels;

/**
 * What one partition does in a round, on an executor: its shard's {@link ShardWork} on the
 * executor's replica, from the broadcast snapshot and the state the partition holds. A pure
 * function of its inputs, so a task that Spark retries returns the same bytes and state.
 */
final class PartitionRound {
    private PartitionRound() {
    }

    /** A partition's element: a shard and the state it carries between rounds. */
    record Slot(int shard, ShardState state) implements Serializable {
    }

    /** A partition's result: its message (null when the shard sat the round out) and its next state. */
    record Outcome(int shard, byte[] message, ShardState state) implements Serializable {
    }

    static Outcome run(Slot slot, byte[] snapshot, RoundTask task, ReplicaFactory replicas) {
        if (!task.includes(slot.shard())) {
            return new Outcome(slot.shard(), null, slot.state());
        }
        Snapshot model;
        try {
            model = Snapshot.fromBytes(snapshot);
        } catch (CorruptFileException e) {
            throw new IllegalStateException("shard " + slot.shard() + " received a corrupt snapshot: " + e.getMessage(), e);
        }
        ShardWork.Result r = ShardWork.run(ExecutorReplicas.of(replicas, slot.shard()), model, task, slot.shard(),
                slot.state(), Kernels.defaults());
        return new Outcome(slot.shard(), r.message(), r.state());
    }
}
