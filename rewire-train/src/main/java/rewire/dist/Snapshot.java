package rewire.dist;

import java.util.List;
import rewire.io.Checkpoint;
import rewire.io.CorruptFileException;
import rewire.io.ParamState;
import rewire.nn.Param;
import rewire.optim.Slots;
import rewire.train.Workload;

/**
 * The state a training round starts from: every group's parameters (values and sparse patterns),
 * their optimizer slots, and the step. Immutable; {@link #toBytes} ships it to another process.
 *
 * @param step       the steps done: a round starts at this step
 * @param checkpoint the parameters and slots
 */
public record Snapshot(long step, Checkpoint checkpoint) {
    private static final String STEP = "snapshot/step";

    /** The state of {@code workload}'s groups and {@code slots} after {@code step} steps. */
    public static Snapshot of(Workload workload, Slots slots, long step) {
        List<Param> params = workload.params();
        Checkpoint.Builder b = Checkpoint.builder();
        b.putLong(STEP, step);
        ParamState.putParams(b, params);
        ParamState.putSlots(b, params, slots);
        return new Snapshot(step, b.build());
    }

    /** Puts this state into {@code workload}'s parameters and {@code slots} (patterns included). */
    public void restoreInto(Workload workload, Slots slots) {
        List<Param> params = workload.params();
        ParamState.restoreParams(checkpoint, params, slots);
        ParamState.restoreSlots(checkpoint, params, slots);
    }

    /** The snapshot in the checkpoint format. */
    public byte[] toBytes() {
        return checkpoint.toBytes();
    }

    /** The snapshot {@link #toBytes} gave. */
    public static Snapshot fromBytes(byte[] bytes) throws CorruptFileException {
        Checkpoint c = Checkpoint.fromBytes(bytes, "snapshot");
        return new Snapshot(c.longValue(STEP), c);
    }

}
