package rewire.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes {@code checkpoints/last.ckpt} every {@code every} steps and when training finishes. A
 * failed run (for example a NaN loss) writes nothing, so the last good checkpoint survives.
 */
public final class CheckpointHook implements Hook {
    private final RunFolder folder;
    private final long every;
    private final List<Hook> stateful;

    /**
     * @param every    steps between checkpoints; 0 writes only the final one
     * @param stateful the hooks whose state goes into the checkpoint
     */
    public CheckpointHook(RunFolder folder, long every, List<Hook> stateful) {
        if (every < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0, got " + every);
        }
        this.folder = folder;
        this.every = every;
        this.stateful = List.copyOf(stateful);
    }

    @Override
    public void afterStep(TrainState state, StepOutput out) {
        if (every > 0 && state.step() % every == 0 && state.step() < state.totalSteps()) {
            write(state);
        }
    }

    @Override
    public void onEnd(TrainState state, Throwable failure) {
        if (failure == null) {
            write(state);
        }
    }

    private void write(TrainState state) {
        try {
            TrainCheckpoint.save(folder.lastCheckpoint(), state, stateful);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + folder.lastCheckpoint(), e);
        }
    }
}
