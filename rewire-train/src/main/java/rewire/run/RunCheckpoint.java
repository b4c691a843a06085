package rewire.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import rewire.io.Checkpoint;
import rewire.io.ParamState;
import rewire.nn.Param;
import rewire.optim.Slots;
import rewire.train.Hook;
import rewire.train.TrainState;
import rewire.train.Workload;

/**
 * Saving and restoring everything a run needs to continue to the same bits: the parameters
 * (values and sparse patterns) and optimizer slots of every group, the workload's own state (a
 * replay buffer, target networks), the step, and each hook's state (DST criteria, FLOP totals,
 * running metrics). Randomness that is folded from the step needs no state of its own.
 */
public final class RunCheckpoint {
    private static final String STEP = "train/step";

    private RunCheckpoint() {
    }

    /** Writes the checkpoint of {@code state} (after {@code state.step()} steps) atomically to {@code file}. */
    public static void save(Path file, TrainState state, List<Hook> hooks) throws IOException {
        List<Param> params = state.workload().params();
        Checkpoint.Builder b = Checkpoint.builder();
        b.putLong(STEP, state.step());
        ParamState.putParams(b, params);
        ParamState.putSlots(b, params, state.slots());
        state.workload().save(b);
        for (Hook h : hooks) {
            h.save(b);
        }
        b.build().write(file);
    }

    /**
     * Reads {@code file} into the workload's parameters and state, {@code slots} and the hooks, and
     * returns the step to continue from.
     */
    public static long restore(Path file, Workload workload, Slots slots, List<Hook> hooks) throws IOException {
        Checkpoint c = Checkpoint.read(file);
        List<Param> params = workload.params();
        ParamState.restoreParams(c, params, slots);
        ParamState.restoreSlots(c, params, slots);
        workload.restore(c);
        for (Hook h : hooks) {
            h.restore(c);
        }
        return c.longValue(STEP);
    }

}
