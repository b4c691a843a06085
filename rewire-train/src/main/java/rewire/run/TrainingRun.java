package rewire.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import rewire.io.Json;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.optim.Slots;
import rewire.sparsity.RewireReport;
import rewire.train.Environment;
import rewire.train.FlopHook;
import rewire.train.Hook;
import rewire.train.MetricsHook;
import rewire.train.NonFiniteLossException;
import rewire.train.ParamGroup;
import rewire.train.Progress;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;
import rewire.train.Workload;

/**
 * One training run with its run folder (docs/run-folder.md): wires the hooks (each group's
 * rewiring, FLOPs, metrics, checkpoints), records run.json when the run starts and when it
 * finishes, stops or fails, and resumes an interrupted run from its last checkpoint so that it
 * finishes exactly as an uninterrupted run would. {@link #requestStop} (a signal handler's way in)
 * ends the run after the step in flight, with a checkpoint and the status "stopped".
 */
public final class TrainingRun {
    private final RunSpec spec;
    private final RunFolder folder;
    private final Kernels kernels;
    private final FlopHook flops;
    private final MetricsHook metrics;
    private final CheckpointHook checkpoints;
    private final Execution.Session session;
    private final List<Hook> hooks;
    private final List<Hook> stateful;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Slots slots = new Slots();
    private RunRecord record;
    private long resumeStep;

    private TrainingRun(RunSpec spec, RunFolder folder, Kernels kernels, Consumer<Progress> progress) {
        this.spec = spec;
        this.folder = folder;
        this.kernels = kernels;
        Workload w = spec.workload();
        session = spec.execution().open(w, spec.seed(), kernels);
        SparsityHooks sparsity = SparsityHooks.of(w, spec.seed(), kernels, this::logRewire);
        flops = new FlopHook(w, sparsity);
        metrics = new MetricsHook(new MetricsHook.Settings(spec.loop().logEvery(), spec.loop().evalEvery()),
                line -> folder.appendLine(RunFolder.METRICS, line), flops::trainingFlops, withSessionStatus(progress));
        stateful = new ArrayList<>(sparsity.all());
        stateful.add(flops);
        stateful.add(metrics);
        stateful.addAll(session.stateHooks());
        checkpoints = new CheckpointHook(folder, spec.loop().checkpointEvery(), spec.loop().keepCheckpoints(), stateful,
                w.scores().get(0), metrics::lastEvaluation);
        hooks = new ArrayList<>(stateful);
        hooks.add(new EvaluationImagesHook(folder, metrics::lastEvaluation));
        hooks.add(checkpoints);
    }

    // progress snapshots with the session's live numbers (data-parallel rounds and bytes) after the workload's
    private Consumer<Progress> withSessionStatus(Consumer<Progress> progress) {
        if (progress == null) {
            return null;
        }
        return p -> {
            Map<String, Double> status = new LinkedHashMap<>(p.status());
            status.putAll(session.status());
            progress.accept(new Progress(p.step(), p.totalSteps(), p.epoch(), p.epochs(), p.loss(), p.metrics(),
                    p.density(), p.samplesPerSecond(), p.sampleUnit(), p.elapsedSeconds(), status));
        };
    }

    // steps after which hooks must see the model: evaluations and periodic checkpoints
    private static boolean boundary(long step, LoopSettings loop, long stepsPerEpoch) {
        boolean evaluation = loop.evalEvery() > 0 ? step % loop.evalEvery() == 0 : step % stepsPerEpoch == 0;
        return evaluation || loop.checkpointEvery() > 0 && step % loop.checkpointEvery() == 0;
    }

    /** Starts a new run in a new folder under {@code spec.loop().runs()}. */
    public static TrainingRun start(RunSpec spec, Kernels kernels, Consumer<Progress> progress) throws IOException {
        RunFolder folder = RunFolder.create(spec.loop().runs(), spec.name());
        folder.writeText(RunFolder.CONFIG_YAML, spec.configYaml());
        TrainingRun run = new TrainingRun(spec, folder, kernels, progress);
        run.record = RunRecords.started(spec, Environment.describe(kernels), RunRecords.now(), List.of());
        folder.writeRecord(run.record);
        return run;
    }

    /**
     * Reopens {@code folder} to continue from its last checkpoint; {@code spec} must be rebuilt
     * from the folder's config.yaml. Temporary files of killed writes are removed; log lines
     * written after the checkpoint are dropped, since the resumed run writes them again.
     */
    public static TrainingRun resume(RunFolder folder, RunSpec spec, Kernels kernels, Consumer<Progress> progress)
            throws IOException {
        Path checkpoint = folder.lastCheckpoint();
        if (!Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException(folder.dir() + " has no checkpoint yet (training stopped before its "
                    + "first one): start the run again with rewire train");
        }
        folder.removeStaleTemporaries();
        TrainingRun run = new TrainingRun(spec, folder, kernels, progress);
        try {
            run.restoreFrom(checkpoint);
        } catch (IOException | RuntimeException e) {
            run.session.close();
            throw e;
        }
        return run;
    }

    // the checkpoint's state into the model and hooks, the log lines after it dropped, run.json reopened
    private void restoreFrom(Path checkpoint) throws IOException {
        List<Hook> saved = new ArrayList<>(stateful);
        saved.add(checkpoints);
        resumeStep = RunCheckpoint.restore(checkpoint, spec.workload(), slots, saved);
        long step = resumeStep;
        if (step >= spec.totalSteps()) {
            throw new IllegalArgumentException(folder.dir() + " already finished its " + spec.totalSteps()
                    + " steps: nothing to resume (give more with train.epochs=N)");
        }
        // metrics lines carry the count of finished steps, rewire lines the index of the step that rewired
        folder.truncateLines(RunFolder.METRICS, line -> stepOf(line) <= step);
        folder.truncateLines(RunFolder.REWIRE, line -> stepOf(line) < step);
        RunRecord before = folder.readRecord();
        record = RunRecords.started(spec, Environment.describe(kernels), before.startedAt(), before.layers());
        folder.writeRecord(record);
    }

    public RunFolder folder() {
        return folder;
    }

    public RunSpec spec() {
        return spec;
    }

    /** The step the run starts (or resumes) from. */
    public long startStep() {
        return resumeStep;
    }

    /** Ends the run after the step in flight, with a checkpoint; safe from any thread. */
    public void requestStop() {
        stopRequested.set(true);
    }

    /**
     * Trains to the end (or until {@link #requestStop}), then writes the summary into run.json; a
     * failure is recorded in run.json and rethrown.
     *
     * @return what the run achieved; its status is "stopped" when it ended early
     */
    public Outcome run() {
        TrainState state = new TrainState(spec.workload(), slots, resumeStep, spec.totalSteps());
        long perEpoch = spec.workload().stepsPerEpoch();
        try (session) {
            session.run(state, hooks, step -> boundary(step, spec.loop(), perEpoch), stopRequested::get);
        } catch (NonFiniteLossException e) {
            NonFiniteLossException explained = e.withCheckpoint(lastCheckpointStep());
            end("failed: " + explained.getMessage(), state);
            throw explained;
        } catch (RuntimeException | Error e) {
            end("failed: " + e.getMessage(), state);
            throw e;
        }
        String status = state.step() < state.totalSteps() ? RunRecord.STOPPED : RunRecord.FINISHED;
        return new Outcome(status, state.step(), end(status, state));
    }

    /**
     * How a run ended.
     *
     * @param status  "finished" or "stopped"
     * @param step    steps done
     * @param summary what it achieved and cost
     */
    public record Outcome(String status, long step, RunSummary summary) {
        public boolean stopped() {
            return status.equals(RunRecord.STOPPED);
        }
    }

    private RunSummary end(String status, TrainState state) {
        RunSummary summary = RunRecords.summary(spec, state, metrics, flops, checkpoints);
        List<RunRecord.Layer> layers = RunRecords.layers(spec.workload(), record.layers());
        record = record.ended(status, RunRecords.now(), summary, layers, RunRecords.connectivity(spec.workload()));
        folder.writeRecord(record);
        return summary;
    }

    // the step of the newest checkpoint, or -1 when none was written
    private long lastCheckpointStep() {
        try {
            List<Path> all = folder.stepCheckpoints();
            if (all.isEmpty()) {
                return -1;
            }
            String name = all.get(all.size() - 1).getFileName().toString();
            return Long.parseLong(name.substring("step-".length(), name.length() - ".ckpt".length()));
        } catch (IOException e) {
            return -1;
        }
    }

    private void logRewire(ParamGroup group, RewireReport report) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < report.layers().size(); i++) {
            Map<String, Object> e = report.layers().get(i).toPlain();
            SparseLinear layer = group.sparseLayers().get(i);
            e.put("representation", layer.representation().name());
            entries.add(e);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", report.step());
        line.put("group", group.name());
        line.put("layers", entries);
        folder.appendLine(RunFolder.REWIRE, line);
    }


    private static long stepOf(String jsonLine) {
        Object step = ((Map<?, ?>) Json.parse(jsonLine)).get("step");
        return step instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    }
}
