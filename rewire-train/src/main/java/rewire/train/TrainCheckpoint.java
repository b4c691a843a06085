package rewire.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import rewire.io.Checkpoint;
import rewire.io.ParamState;
import rewire.nn.Param;

/**
 * Saving and restoring everything a run needs to continue to the same bits: parameter values and
 * patterns, optimizer slots, the step, and each hook's state. Randomness needs no state of its
 * own: every random choice of step {@code t} comes from {@code rng.fold(t)}.
 */
public final class TrainCheckpoint {
    private static final String STEP = "train/step";

    private TrainCheckpoint() {
    }

    /** Writes the checkpoint of {@code state} (after {@code state.step()} steps) atomically to {@code file}. */
    public static void save(Path file, TrainState state, List<Hook> hooks) throws IOException {
        List<Param> params = state.workload().model().params();
        Checkpoint.Builder b = Checkpoint.builder();
        b.putLong(STEP, state.step());
        ParamState.putParams(b, params);
        ParamState.putSlots(b, params, state.slots());
        for (Hook h : hooks) {
            h.save(b);
        }
        b.build().write(file);
    }

    /**
     * Reads {@code file} into the workload's parameters, {@code slots} and the hooks, and returns
     * the step to continue from.
     */
    public static long restore(Path file, Workload workload, rewire.optim.Slots slots, List<Hook> hooks)
            throws IOException {
        Checkpoint c = Checkpoint.read(file);
        List<Param> params = workload.model().params();
        ParamState.restoreParams(c, params, slots);
        ParamState.restoreSlots(c, params, slots);
        for (Hook h : hooks) {
            h.restore(c);
        }
        return c.longValue(STEP);
    }
}
