package rewire.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import rewire.io.Checkpoint;
import rewire.train.Evaluation;
import rewire.train.Hook;
import rewire.train.Score;
import rewire.train.StepResult;
import rewire.train.TrainState;

/**
 * Writes checkpoints of a run: every {@code every} steps, whenever an evaluation improves the
 * workload's primary score, and when training finishes or is stopped. Keeps the newest
 * {@code keep} step checkpoints, {@code last.ckpt} pointing at the newest and {@code best.ckpt} at
 * the best. A failed run (a NaN loss) writes nothing, so the checkpoints before it survive.
 */
public final class CheckpointHook implements Hook {
    private static final String BEST = "checkpoints/best";

    private final RunFolder folder;
    private final long every;
    private final int keep;
    private final List<Hook> stateful;
    private final Score primary;
    private final Supplier<Evaluation> evaluations;
    private Evaluation seen;
    private double bestScore = Double.NaN;
    private long bestStep = -1;
    private long writtenStep = -1;

    /**
     * @param every       steps between checkpoints; 0 writes only at improvements and at the end
     * @param keep        step checkpoints to keep, newest first
     * @param stateful    the hooks whose state goes into the checkpoint (this hook adds itself)
     * @param primary     the score that decides the best checkpoint
     * @param evaluations the latest evaluation (null before the first)
     */
    public CheckpointHook(RunFolder folder, long every, int keep, List<Hook> stateful, Score primary,
                          Supplier<Evaluation> evaluations) {
        if (every < 0 || keep < 1) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0 and kept checkpoints >= 1, got " + every
                    + " and " + keep);
        }
        this.folder = folder;
        this.every = every;
        this.keep = keep;
        this.stateful = new ArrayList<>(stateful);
        this.stateful.add(this);
        this.primary = primary;
        this.evaluations = evaluations;
    }

    /** The step of the best evaluation so far, or -1. */
    public long bestStep() {
        return bestStep;
    }

    /** The primary score of the best evaluation so far, or NaN. */
    public double bestScore() {
        return bestScore;
    }

    @Override
    public void afterStep(TrainState state, StepResult result) {
        Evaluation e = evaluations.get();
        boolean improved = false;
        if (e != null && e != seen) {
            seen = e;
            improved = primary.better(e.get(primary), bestScore);
            if (improved) {
                bestScore = e.get(primary);
                bestStep = state.step();
            }
        }
        boolean periodic = every > 0 && state.step() % every == 0 && state.step() < state.totalSteps();
        if (periodic || improved) {
            write(state);
        }
        if (improved) {
            pointAt(folder.bestCheckpoint(), state.step());
        }
    }

    @Override
    public void onEnd(TrainState state, Throwable failure) {
        if (failure == null && writtenStep != state.step()) {
            write(state);
        }
    }

    private void write(TrainState state) {
        Path file = folder.checkpoint(state.step());
        try {
            RunCheckpoint.save(file, state, stateful);
            writtenStep = state.step();
            folder.pointAt(folder.lastCheckpoint(), file);
            List<Path> all = folder.stepCheckpoints();
            for (int i = 0; i < all.size() - keep; i++) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    private void pointAt(Path link, long step) {
        try {
            folder.pointAt(link, folder.checkpoint(step));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + link, e);
        }
    }

    @Override
    public void save(Checkpoint.Builder c) {
        c.putText(BEST, bestStep + " " + bestScore);
    }

    @Override
    public void restore(Checkpoint c) {
        String[] f = c.text(BEST).split(" ");
        bestStep = Long.parseLong(f[0]);
        bestScore = Double.parseDouble(f[1]);
    }
}
