package rewire.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import rewire.io.Checkpoint;
import rewire.nn.SparseLinear;
import rewire.optim.Schedule;

/**
 * Training metrics: running averages written to metrics.jsonl every {@code logEvery} steps,
 * an evaluation every {@code evalEvery} steps (0: at the end of every epoch) and at the end, and a
 * {@link Progress} snapshot after every step for displays.
 */
public final class MetricsHook implements Hook {
    private static final String PREFIX = "metrics/";

    /**
     * @param logEvery  steps between training log lines
     * @param evalEvery steps between evaluations; 0 evaluates at the end of each epoch
     */
    public record Settings(long logEvery, long evalEvery) {
        public Settings {
            if (logEvery < 1 || evalEvery < 0) {
                throw new IllegalArgumentException("logEvery must be >= 1 and evalEvery >= 0, got " + logEvery
                        + " and " + evalEvery);
            }
        }
    }

    private final RunFolder folder;
    private final Settings settings;
    private final Schedule lr;
    private final LongSupplier trainingFlops;
    private final Consumer<Progress> progress;
    private double lossSum;
    private long correct;
    private long samples;
    private long steps;
    private long samplesThisSession;
    private long startNanos;
    private double elapsedBefore;
    private Evaluation lastEvaluation;

    /**
     * @param folder        where to write metrics.jsonl, or null to write nothing
     * @param lr            the learning-rate schedule to log, or null
     * @param trainingFlops cumulative training FLOPs to log, or null
     * @param progress      receives a snapshot after every step, or null
     */
    public MetricsHook(RunFolder folder, Settings settings, Schedule lr, LongSupplier trainingFlops,
                       Consumer<Progress> progress) {
        this.folder = folder;
        this.settings = settings;
        this.lr = lr;
        this.trainingFlops = trainingFlops;
        this.progress = progress;
    }

    /** The last evaluation, or null before the first. */
    public Evaluation lastEvaluation() {
        return lastEvaluation;
    }

    /** Seconds of training so far, including earlier sessions of a resumed run. */
    public double elapsedSeconds() {
        return elapsedBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    /** Training examples per second in this session. */
    public double samplesPerSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds > 0 ? samplesThisSession / seconds : 0;
    }

    @Override
    public void onStart(TrainState state) {
        startNanos = System.nanoTime();
        samplesThisSession = 0;
    }

    @Override
    public void afterStep(TrainState state, StepOutput out) {
        lossSum += state.lastLoss();
        correct += Math.max(0, out.correct());
        samples += out.samples();
        samplesThisSession += out.samples();
        steps++;
        boolean accuracyApplies = out.correct() >= 0;
        if (progress != null) {
            progress.accept(snapshot(state, accuracyApplies));
        }
        long step = state.step();
        if (step % settings.logEvery() == 0 || step == state.totalSteps()) {
            logTraining(state, accuracyApplies);
        }
        boolean evalNow = settings.evalEvery() == 0 ? state.atEpochEnd() : step % settings.evalEvery() == 0;
        if (evalNow || step == state.totalSteps()) {
            evaluate(state);
        }
    }

    private Progress snapshot(TrainState state, boolean accuracyApplies) {
        long perEpoch = state.workload().stepsPerEpoch();
        return new Progress(state.step(), state.totalSteps(), (state.step() - 1) / perEpoch,
                (state.totalSteps() + perEpoch - 1) / perEpoch, steps == 0 ? Double.NaN : lossSum / steps,
                accuracyApplies && samples > 0 ? (double) correct / samples : Double.NaN,
                density(state.workload().sparseLayers()), samplesPerSecond(), elapsedSeconds(),
                state.workload().status());
    }

    private void logTraining(TrainState state, boolean accuracyApplies) {
        if (steps == 0) {
            return;
        }
        Map<String, Object> line = line(state, "train");
        line.put("loss", lossSum / steps);
        if (accuracyApplies) {
            line.put("accuracy", (double) correct / samples);
        }
        if (lr != null) {
            line.put("lr", lr.at(state.step() - 1));
        }
        line.put("samplesPerSecond", samplesPerSecond());
        putFinite(line, state.workload().status());
        write(line);
        lossSum = 0;
        correct = 0;
        samples = 0;
        steps = 0;
    }

    private void evaluate(TrainState state) {
        state.workload().model().eval();
        try {
            lastEvaluation = state.workload().evaluate();
        } finally {
            state.workload().model().train();
        }
        Map<String, Object> line = line(state, lastEvaluation.split());
        if (Double.isFinite(lastEvaluation.loss())) {
            line.put("loss", lastEvaluation.loss());
        }
        if (!Double.isNaN(lastEvaluation.accuracy())) {
            line.put("accuracy", lastEvaluation.accuracy());
        }
        putFinite(line, lastEvaluation.extras());
        write(line);
    }

    // extra numbers in key order, finite ones only (JSON has no NaN)
    private static void putFinite(Map<String, Object> line, Map<String, Double> values) {
        for (String key : new java.util.TreeSet<>(values.keySet())) {
            if (Double.isFinite(values.get(key))) {
                line.put(key, values.get(key));
            }
        }
    }

    private Map<String, Object> line(TrainState state, String split) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", state.step());
        line.put("epoch", (state.step() - 1) / state.workload().stepsPerEpoch());
        line.put("split", split);
        line.put("elapsedSeconds", elapsedSeconds());
        if (trainingFlops != null) {
            line.put("trainingFlops", (double) trainingFlops.getAsLong());
        }
        return line;
    }

    private void write(Map<String, Object> line) {
        if (folder != null) {
            folder.appendLine(RunFolder.METRICS, line);
        }
    }

    /** nnz over dense size across the sparse layers; 1 when there are none. */
    static double density(List<SparseLinear> layers) {
        long nnz = 0;
        long size = 0;
        for (SparseLinear l : layers) {
            nnz += l.weight().pattern().nnz();
            size += (long) l.out() * l.in();
        }
        return size == 0 ? 1 : (double) nnz / size;
    }

    @Override
    public void save(Checkpoint.Builder c) {
        c.putText(PREFIX + "running", lossSum + " " + correct + " " + samples + " " + steps + " " + elapsedSeconds());
    }

    @Override
    public void restore(Checkpoint c) {
        String[] f = c.text(PREFIX + "running").split(" ");
        lossSum = Double.parseDouble(f[0]);
        correct = Long.parseLong(f[1]);
        samples = Long.parseLong(f[2]);
        steps = Long.parseLong(f[3]);
        elapsedBefore = Double.parseDouble(f[4]);
    }
}
