package rewire.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.optim.Slots;
import rewire.tensor.Rng;
import rewire.train.Hook;
import rewire.train.ParamGroup;
import rewire.train.StepResult;
import rewire.train.TrainState;
import rewire.train.Trainer;

/**
 * The driver of data-parallel training: the model lives here, the batches on the shards.
 *
 * <p>Between topology updates the driver sends a {@link Snapshot}, every shard (or every sampled
 * federated client) runs a round of local steps on its examples, and the driver sets each parameter
 * and optimizer slot to the mean of what the shards sent, uncompressed or through
 * {@link Compression}. At a step where a group's recipe rewires, the shards return their gradients
 * and the batches their sparse layers saw instead, and the driver applies that step's update
 * itself, exactly as single-process training does (hooks, DST engine, optimizer): topology
 * decisions stay here, on the gradient of the whole batch. Rounds end where hooks must see the
 * model (the caller's boundaries: evaluation, checkpoints), and hooks see every step's result, to
 * which the driver adds {@code roundBytes} (the bytes the shards sent in the step's round),
 * {@code stepBytes} (those bytes shared evenly among the round's steps, so that their sum over a
 * run is what it sent),
 * compressed {@code compressionError} (the relative error {@code |x - C(x)| / |x|} of the round),
 * and the round's wall-clock split ({@link RoundClock}).
 *
 * <p>With one shard the run equals the single-process run bit for bit. With several and one local
 * step per round it equals a synchronous large-batch run of the same global batch to float
 * tolerance for optimizers linear in the gradient (SGD, momentum, weight decay); with Adam, or
 * with more local steps, it is local SGD. Recipes with per-step engine state (SNFS's dense
 * momentum, SR-STE) are refused: the shards do not report it.
 */
public final class DataParallelTrainer {
    private static final long SAMPLE_STREAM = 0xC11E7L;

    private final Shardable workload;
    private final DataParallel backend;
    private final List<Hook> hooks;
    private final long seed;
    private final DistSettings settings;
    private final LongPredicate boundary;
    private long rounds;
    private double lastRoundBytes = Double.NaN;
    private double lastError = Double.NaN;

    /**
     * @param workload the driver's model (its groups are the ones trained)
     * @param settings shards, local steps, compression and client split
     * @param boundary true for a step count after which hooks must see the current model
     */
    public DataParallelTrainer(Shardable workload, DataParallel backend, List<Hook> hooks, long seed,
                               DistSettings settings, LongPredicate boundary) {
        for (ParamGroup g : workload.groups()) {
            if (g.recipe() != null && (g.recipe().srSte() != null || g.recipe().rewirer().grow().needsDenseMomentum())) {
                throw new IllegalArgumentException("group " + g.name() + ": recipe " + g.recipe().name() + " keeps "
                        + "state at every step (SR-STE, SNFS's dense momentum), which data-parallel rounds do not report");
            }
            if (g.recipe() != null && g.recipe().diagonals() != null) {
                throw new IllegalArgumentException("group " + g.name() + ": recipe " + g.recipe().name() + " anneals "
                        + "a temperature inside the layers at every epoch, which data-parallel workers do not receive");
            }
        }
        if (backend.shards() != settings.partitions()) {
            throw new IllegalArgumentException("a backend of " + backend.shards() + " shards for dist.partitions "
                    + settings.partitions());
        }
        this.workload = workload;
        this.backend = backend;
        this.hooks = List.copyOf(hooks);
        this.seed = seed;
        this.settings = settings;
        this.boundary = boundary;
    }

    /** Trains from {@code state.step()} to {@code state.totalSteps()}, or until {@code stop} says so. */
    public void run(TrainState state, BooleanSupplier stop) {
        Trainer.drive(workload, hooks, state, stop, s -> {
            long t = s.step();
            if (rewiresAt(t)) {
                driverStep(s);
            } else {
                localRound(s, roundLength(t, s.totalSteps()));
            }
        });
    }

    /**
     * Live numbers for progress displays: rounds so far in this session, the bytes the shards sent
     * in the last round and, compressed, its relative compression error.
     */
    public Map<String, Double> status() {
        Map<String, Double> status = new LinkedHashMap<>();
        status.put("rounds", (double) rounds);
        status.put("roundBytes", lastRoundBytes);
        if (!settings.compressionOf().isNone()) {
            status.put("compressionError", lastError);
        }
        return status;
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
        while (k < settings.localSteps() && t + k < total && !boundary.test(t + k) && !rewiresAt(t + k)) {
            k++;
        }
        return k;
    }

    private RoundTask task(RoundTask.Kind kind, long steps, long step) {
        int[] shards = ClientSampling.sample(settings.partitions(), settings.clientFraction(),
                new Rng(seed).fold(SAMPLE_STREAM).fold(step));
        return new RoundTask(kind, steps, shards, settings.partitions(), settings.clientSplit(),
                settings.compressionOf(), seed);
    }

    private void localRound(TrainState state, long steps) {
        RoundTask task = task(RoundTask.Kind.LOCAL, steps, state.step());
        RoundClock clock = new RoundClock();
        Snapshot snapshot = Snapshot.of(workload, state.slots(), state.step());
        clock.snapshotDone();
        List<byte[]> messages = backend.run(snapshot, task);
        clock.shardsDone();
        List<LocalUpdate> updates = new ArrayList<>();
        double errorSq = 0;
        double changeSq = 0;
        int[] shards = task.shards();
        for (int i = 0; i < shards.length; i++) {
            LocalMessage.Decoded d = LocalMessage.decode(messages.get(i), task.shard(shards[i]), workload.params(),
                    state.slots(), task.compression());
            updates.add(d.update());
            errorSq += d.errorSq();
            changeSq += d.changeSq();
        }
        for (Param p : workload.params()) {
            float[] mean = ShardMeans.mean(updates.stream().map(u -> u.values().get(p.name())).toList());
            System.arraycopy(mean, 0, p.values(), 0, mean.length);
            setSlots(state.slots(), p, updates);
        }
        clock.aggregated();
        Map<String, Double> extra = roundMetrics(messages, task.compression().isNone() ? Double.NaN
                : changeSq == 0 ? 0 : Math.sqrt(errorSq / changeSq), clock, steps);
        for (int j = 0; j < steps; j++) {
            int step = j;
            hooks.forEach(h -> h.beforeStep(state));
            StepResult r = withMetrics(ShardMeans.step(updates.stream().map(u -> u.steps().get(step)).toList()), extra);
            state.advance(r);
            hooks.forEach(h -> h.afterStep(state, r));
        }
    }

    // roundBytes, stepBytes, the round's times (and compressionError unless NaN) for every step of the round of
    // steps; updates the status
    private Map<String, Double> roundMetrics(List<byte[]> messages, double error, RoundClock clock, long steps) {
        long bytes = 0;
        for (byte[] m : messages) {
            bytes += m.length;
        }
        rounds++;
        lastRoundBytes = bytes;
        if (!Double.isNaN(error)) {
            lastError = error;
        }
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("roundBytes", (double) bytes);
        extra.put("stepBytes", (double) bytes / steps);
        if (!Double.isNaN(error)) {
            extra.put("compressionError", error);
        }
        extra.putAll(clock.seconds());
        return extra;
    }

    private static StepResult withMetrics(StepResult r, Map<String, Double> extra) {
        Map<String, Double> metrics = new LinkedHashMap<>(r.metrics());
        metrics.putAll(extra);
        return new StepResult(r.loss(), r.samples(), r.examples(), metrics);
    }

    private static void setSlots(Slots slots, Param p, List<LocalUpdate> updates) {
        for (String name : updates.get(0).slots().get(p.name()).keySet()) {
            float[] mean = ShardMeans.mean(updates.stream().map(u -> u.slots().get(p.name()).get(name)).toList());
            System.arraycopy(mean, 0, slots.get(p, name), 0, mean.length);
        }
    }

    // a rewiring step: the shards' gradients and batches, then the update applied here
    private void driverStep(TrainState state) {
        RoundTask task = task(RoundTask.Kind.GRADIENTS, 1, state.step());
        RoundClock clock = new RoundClock();
        Snapshot snapshot = Snapshot.of(workload, state.slots(), state.step());
        clock.snapshotDone();
        List<byte[]> messages = backend.run(snapshot, task);
        clock.shardsDone();
        List<GradientUpdate> updates = new ArrayList<>();
        int[] shards = task.shards();
        for (int i = 0; i < shards.length; i++) {
            updates.add(GradientMessage.decode(messages.get(i), task.shard(shards[i]), workload));
        }
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
        clock.aggregated();
        for (ParamGroup g : workload.groups()) {
            if (!g.frozen()) {
                Trainer.update(hooks, state, g);
            }
        }
        StepResult r = withMetrics(ShardMeans.step(updates.stream().map(GradientUpdate::step).toList()),
                roundMetrics(messages, Double.NaN, clock, 1));
        state.advance(r);
        hooks.forEach(h -> h.afterStep(state, r));
    }
}
