package rewire.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.autodiff.Tape;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.optim.Optim;
import rewire.optim.Slots;
import rewire.train.ParamGroup;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.Trainer;

/**
 * The work of one shard, as pure functions of (replica configuration, snapshot, shard, steps): a
 * replica built from the run's configuration and seed starts from the snapshot, trains on its
 * shard of each batch, and reports. Nothing else flows in, so a retried task reproduces the same
 * bits.
 */
public final class Round {
    private Round() {
    }

    /**
     * {@code steps} local steps from {@code snapshot} on {@code shard}: each group's optimizer
     * applies its update; topology stays fixed (the driver rewires).
     */
    public static LocalUpdate local(Shardable replica, Snapshot snapshot, Shard shard, long steps, Kernels kernels) {
        Slots slots = new Slots();
        prepare(replica, snapshot, shard, slots);
        Tape tape = new Tape(kernels);
        List<StepResult> results = new ArrayList<>();
        for (long t = snapshot.step(); t < snapshot.step() + steps; t++) {
            startStep(replica, tape);
            results.add(replica.step(new StepContext(t, tape,
                    (group, step) -> Optim.step(group.optimizer(), group.params(), slots, step))));
        }
        tape.clear();
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, Map<String, float[]>> slotValues = new LinkedHashMap<>();
        for (Param p : replica.params()) {
            values.put(p.name(), p.values().clone());
            Map<String, float[]> own = new LinkedHashMap<>();
            slots.of(p).forEach((name, v) -> own.put(name, v.clone()));
            slotValues.put(p.name(), own);
        }
        return new LocalUpdate(shard, results, values, slotValues);
    }

    /**
     * The gradients of step {@code snapshot.step()} on {@code shard} and each sparse layer's batch,
     * with no update applied.
     */
    public static GradientUpdate gradients(Shardable replica, Snapshot snapshot, Shard shard, Kernels kernels) {
        prepare(replica, snapshot, shard, new Slots());
        Tape tape = new Tape(kernels);
        startStep(replica, tape);
        StepResult result = replica.step(new StepContext(snapshot.step(), tape, (group, step) -> { }));
        Map<String, float[]> gradients = new LinkedHashMap<>();
        Map<String, SparseLinear.LastBatch> batches = new LinkedHashMap<>();
        for (ParamGroup g : replica.groups()) {
            g.params().forEach(p -> gradients.put(p.name(), p.grad().clone()));
            for (SparseLinear l : g.sparseLayers()) {
                SparseLinear.LastBatch b = l.lastBatch();
                if (b != null) {
                    batches.put(l.weight().name(), new SparseLinear.LastBatch(b.input().copy(), b.outputGrad().copy()));
                }
            }
        }
        tape.clear();
        return new GradientUpdate(shard, result, gradients, batches);
    }

    private static void prepare(Shardable replica, Snapshot snapshot, Shard shard, Slots slots) {
        snapshot.restoreInto(replica, slots);
        Trainer.initOptimizers(replica, slots);
        replica.restrictTo(shard);
    }

    private static void startStep(Shardable replica, Tape tape) {
        tape.clear();
        for (ParamGroup g : replica.groups()) {
            g.params().forEach(Param::zeroGrad);
            g.module().train();
        }
    }
}
