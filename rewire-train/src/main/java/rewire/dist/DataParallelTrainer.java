package rewire.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.optim.Slots;
import rewire.train.Hook;
import rewire.train.ParamGroup;
import rewire.train.StepResult;
import rewire.train.TrainState;
import rewire.train.Trainer;

/**
 * The driver of data-parallel training: the model lives here, the batches on the shards.
 *
 * <p>Between topology updates the driver sends a {@link Snapshot}, every shard runs a round of
 * local steps on its part of each batch, and the driver sets each parameter and optimizer slot to
 * the shards' mean. At a step where a group's recipe rewires, the shards return their gradients and
 * the batches their sparse layers saw instead, and the driver applies that step's update itself,
 * exactly as single-process training does (hooks, DST engine, optimizer): topology decisions stay
 * here, on the gradient of the whole batch. Rounds end where hooks must see the model (the caller's
 * boundaries: logging, evaluation, checkpoints), and hooks see every step's result.
 *
 * <p>With one shard the run equals the single-process run bit for bit. With several and one local
 * step per round it equals a synchronous large-batch run of the same global batch to float
 * tolerance for optimizers linear in the gradient (SGD, momentum, weight decay); with Adam, or
 * with more local steps, it is local SGD. Recipes with per-step engine state (SNFS's dense
 * momentum, SR-STE) are refused: the shards do not report it.
 */
public final class DataParallelTrainer {
    private final Shardable workload;
    private final DataParallel backend;
    private final List<Hook> hooks;
    private final long seed;
    private final long localSteps;
    private final LongPredicate boundary;

    /**
     * @param workload   the driver's model (its groups are the ones trained)
     * @param localSteps most local steps per round
     * @param boundary   true for a step count after which hooks must see the current model
     */
    public DataParallelTrainer(Shardable workload, DataParallel backend, List<Hook> hooks, long seed, long localSteps,
                               LongPredicate boundary) {
        if (localSteps < 1) {
            throw new IllegalArgumentException("need at least one local step per round, got " + localSteps);
        }
        for (ParamGroup g : workload.groups()) {
            if (g.recipe() != null && (g.recipe().srSte() != null || g.recipe().rewirer().grow().needsDenseMomentum())) {
                throw new IllegalArgumentException("group " + g.name() + ": recipe " + g.recipe().name() + " keeps "
                        + "state at every step (SR-STE, SNFS's dense momentum), which data-parallel rounds do not report");
            }
        }
        this.workload = workload;
        this.backend = backend;
        this.hooks = List.copyOf(hooks);
        this.seed = seed;
        this.localSteps = localSteps;
        this.boundary = boundary;
    }

    /** Trains from {@code state.step()} to {@code state.totalSteps()}. */
    public void run(TrainState state) {
        Trainer.drive(workload, hooks, state, () -> false, s -> {
            long t = s.step();
            if (rewiresAt(t)) {
                driverStep(s);
            } else {
                localRound(s, roundLength(t, s.totalSteps()));
            }
        });
    }

    private boolean rewiresAt(long step) {
        for (ParamGroup g : workload.groups()) {
            if (g.recipe() != null && g.recipe().rewirer().isUpdate(step)) {
                return true;
            }
        }
        return false;
    }

    // steps from t up to the next rewiring step, boundary, end of run, or the local-step limit
    private long roundLength(long t, long total) {
        long k = 1;
        while (k < localSteps && t + k < total && !boundary.test(t + k) && !rewiresAt(t + k)) {
            k++;
        }
        return k;
    }

    private void localRound(TrainState state, long steps) {
        List<LocalUpdate> updates = backend.rounds(Snapshot.of(workload, state.slots(), state.step()), steps, seed);
        for (Param p : workload.params()) {
            float[] mean = ShardMeans.mean(updates.stream().map(u -> u.values().get(p.name())).toList());
            System.arraycopy(mean, 0, p.values(), 0, mean.length);
            setSlots(state.slots(), p, updates);
        }
        for (int j = 0; j < steps; j++) {
            int step = j;
            hooks.forEach(h -> h.beforeStep(state));
            StepResult r = ShardMeans.step(updates.stream().map(u -> u.steps().get(step)).toList());
            state.advance(r);
            hooks.forEach(h -> h.afterStep(state, r));
        }
    }

    private static void setSlots(Slots slots, Param p, List<LocalUpdate> updates) {
        for (String name : updates.get(0).slots().get(p.name()).keySet()) {
            float[] mean = ShardMeans.mean(updates.stream().map(u -> u.slots().get(p.name()).get(name)).toList());
            System.arraycopy(mean, 0, slots.get(p, name), 0, mean.length);
        }
    }

    // a rewiring step: the shards' gradients and batches, then the update applied here
    private void driverStep(TrainState state) {
        List<GradientUpdate> updates = backend.gradients(Snapshot.of(workload, state.slots(), state.step()), seed);
        hooks.forEach(h -> h.beforeStep(state));
        for (ParamGroup g : workload.groups()) {
            for (Param p : g.params()) {
                float[] mean = ShardMeans.mean(updates.stream().map(u -> u.gradients().get(p.name())).toList());
                System.arraycopy(mean, 0, p.grad(), 0, mean.length);
            }
            for (SparseLinear l : g.sparseLayers()) {
                List<SparseLinear.LastBatch> batches = new ArrayList<>();
                updates.forEach(u -> batches.add(u.batches().get(l.weight().name())));
                if (!batches.contains(null)) {
                    l.useBatch(ShardMeans.batch(batches));
                }
            }
        }
        for (ParamGroup g : workload.groups()) {
            if (!g.frozen()) {
                Trainer.update(hooks, state, g);
            }
        }
        StepResult r = ShardMeans.step(updates.stream().map(GradientUpdate::step).toList());
        state.advance(r);
        hooks.forEach(h -> h.afterStep(state, r));
    }
}
