package rewire.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import rewire.io.Json;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.tensor.Rng;

/**
 * One training run with its run folder (docs/run-folder.md): wires the hooks (rewiring, FLOPs,
 * metrics, checkpoints), records run.json at the start and its summary at the end, and resumes an
 * interrupted run from its last checkpoint so that it finishes exactly as an uninterrupted run
 * would.
 */
public final class TrainingRun {
    /** Key of the rewiring stream of a run's seed. */
    private static final long REWIRE_STREAM = 0x5EED_0001L;

    private final RunSpec spec;
    private final RunFolder folder;
    private final Kernels kernels;
    private final RewireHook rewire;
    private final FlopHook flops;
    private final MetricsHook metrics;
    private final Trainer trainer;
    private final List<Hook> stateful;
    private final Slots slots = new Slots();
    private long resumeStep;

    private TrainingRun(RunSpec spec, RunFolder folder, Kernels kernels, Consumer<Progress> progress) {
        this.spec = spec;
        this.folder = folder;
        this.kernels = kernels;
        Workload w = spec.workload();
        rewire = spec.recipe() == null ? null
                : new RewireHook(spec.recipe().rewirer(), w, new Rng(spec.seed()).fold(REWIRE_STREAM), kernels, folder, null);
        flops = new FlopHook(w, rewire);
        metrics = new MetricsHook(folder, new MetricsHook.Settings(spec.loop().logEvery(), spec.loop().evalEvery()),
                spec.optim().learningRate(spec.totalSteps()), () -> flops.counter().trainingFlops(), progress);
        stateful = new ArrayList<>();
        if (spec.recipe() != null && spec.recipe().srSte() != null) {
            stateful.add(new SrSteHook(spec.recipe().srSte(), w));
        }
        if (rewire != null) {
            stateful.add(rewire);
        }
        stateful.add(flops);
        stateful.add(metrics);
        List<Hook> hooks = new ArrayList<>(stateful);
        hooks.add(new CheckpointHook(folder, spec.loop().checkpointEvery(), stateful));
        trainer = new Trainer(w, spec.optim().transform(spec.totalSteps()), hooks, kernels);
    }

    /** Starts a new run in a new folder under {@code spec.loop().runs()}. */
    public static TrainingRun start(RunSpec spec, Kernels kernels, Consumer<Progress> progress) throws IOException {
        RunFolder folder = RunFolder.create(spec.loop().runs(), spec.name());
        folder.writeText(RunFolder.CONFIG_YAML, spec.configYaml());
        TrainingRun run = new TrainingRun(spec, folder, kernels, progress);
        run.writeRecord("running", null);
        return run;
    }

    /**
     * Reopens {@code folder} to continue from its last checkpoint; {@code spec} must be rebuilt
     * from the folder's config.yaml. Log lines written after the checkpoint are dropped, since
     * the resumed run writes them again.
     */
    public static TrainingRun resume(RunFolder folder, RunSpec spec, Kernels kernels, Consumer<Progress> progress)
            throws IOException {
        if (!spec.workload().supportsResume()) {
            throw new IllegalArgumentException(folder.dir() + ": workload " + spec.workload().name() + " cannot be"
                    + " resumed exactly (its state, such as a replay buffer, is not in the checkpoint); start a new run");
        }
        Path checkpoint = folder.lastCheckpoint();
        if (!Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException(folder.dir() + " has no checkpoint to resume from (" + checkpoint + ")");
        }
        TrainingRun run = new TrainingRun(spec, folder, kernels, progress);
        run.resumeStep = TrainCheckpoint.restore(checkpoint, spec.workload(), run.slots, run.stateful);
        long step = run.resumeStep;
        if (step >= spec.totalSteps()) {
            throw new IllegalArgumentException(folder.dir() + " already finished its " + spec.totalSteps()
                    + " steps: nothing to resume");
        }
        folder.truncateLines(RunFolder.METRICS, line -> stepOf(line) <= step);
        folder.truncateLines(RunFolder.REWIRE, line -> stepOf(line) <= step);
        run.writeRecord("running", null);
        return run;
    }

    public RunFolder folder() {
        return folder;
    }

    /** The step the run starts (or resumes) from. */
    public long startStep() {
        return resumeStep;
    }

    /**
     * Trains to the end, then writes the summary into run.json; a failure is recorded in run.json
     * and rethrown.
     */
    public RunSummary run() {
        TrainState state = new TrainState(spec.workload(), slots, resumeStep, spec.totalSteps());
        try {
            trainer.run(state);
        } catch (RuntimeException | Error e) {
            writeRecord("failed: " + e.getMessage(), null);
            throw e;
        }
        RunSummary summary = RunSummary.of(spec, state, metrics, flops.counter());
        writeRecord("finished", summary);
        return summary;
    }

    private void writeRecord(String status, RunSummary summary) {
        Map<String, Object> record = RunRecord.of(spec, status, Environment.describe(kernels));
        if (Files.exists(folder.path(RunFolder.RUN_JSON))) {
            Object started = folder.readRunJson().get("startedAt");
            record.put("startedAt", started);
        } else {
            record.put("startedAt", Instant.now().toString());
        }
        if (summary != null) {
            record.put("finishedAt", Instant.now().toString());
            record.put("summary", summary.toMap());
            record.put("connectivity", RunRecord.connectivity(spec.workload()));
        }
        folder.writeRunJson(record);
    }

    private static long stepOf(String jsonLine) {
        Object step = ((Map<?, ?>) Json.parse(jsonLine)).get("step");
        return step instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    }
}
