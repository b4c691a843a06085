package rewire.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import rewire.io.Checkpoint;

/**
 * Training metrics: running averages written as log lines every {@code logEvery} steps, an
 * evaluation every {@code evalEvery} steps (0: at the end of every epoch) and at the end, and a
 * {@link Progress} snapshot after every step for displays.
 *
 * <p>A training line holds the step, epoch, elapsed seconds, training FLOPs, how many steps its
 * window averages ({@code steps}: {@code logEvery}, fewer in the last window of a run whose length
 * is not a multiple of it, which a plot must not read as a dip), the mean loss and the
 * sample-weighted means of the step metrics over the window, the learning rate of each group,
 * throughput and the workload's status; an evaluation line the evaluation's values.
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

    private final Settings settings;
    private final Consumer<Map<String, Object>> log;
    private final LongSupplier trainingFlops;
    private final Consumer<Progress> progress;
    private final Window window = new Window();
    private long samplesThisSession;
    private long startNanos;
    private double elapsedBefore;
    private Evaluation lastEvaluation;

    /**
     * @param log           receives each log line (metrics.jsonl), or null
     * @param trainingFlops cumulative training FLOPs to log, or null
     * @param progress      receives a snapshot after every step, or null
     */
    public MetricsHook(Settings settings, Consumer<Map<String, Object>> log, LongSupplier trainingFlops,
                       Consumer<Progress> progress) {
        this.settings = settings;
        this.log = log;
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

    /** Training samples per second in this session. */
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
    public void afterStep(TrainState state, StepResult result) {
        window.add(result);
        samplesThisSession += result.samples();
        if (progress != null) {
            progress.accept(snapshot(state));
        }
        long step = state.step();
        if (step % settings.logEvery() == 0 || step == state.totalSteps()) {
            logTraining(state);
        }
        boolean evalNow = settings.evalEvery() == 0 ? state.atEpochEnd() : step % settings.evalEvery() == 0;
        if (evalNow || step == state.totalSteps()) {
            evaluate(state);
        }
    }

    private Progress snapshot(TrainState state) {
        Workload w = state.workload();
        long perEpoch = w.stepsPerEpoch();
        return new Progress(state.step(), state.totalSteps(), (state.step() - 1) / perEpoch,
                (state.totalSteps() + perEpoch - 1) / perEpoch, window.meanLoss(), window.means(), density(w),
                samplesPerSecond(), w.sampleUnit(), elapsedSeconds(), w.status());
    }

    private void logTraining(TrainState state) {
        if (window.steps == 0) {
            return;
        }
        Map<String, Object> line = line(state, "train");
        line.put("steps", window.steps);
        line.put("loss", window.meanLoss());
        putFinite(line, window.means());
        for (ParamGroup g : state.workload().groups()) {
            if (g.learningRate() != null) {
                line.put(state.workload().groups().size() == 1 ? "lr" : "lr." + g.name(),
                        g.learningRate().at(state.step() - 1));
            }
        }
        line.put("samplesPerSecond", samplesPerSecond());
        putFinite(line, state.workload().status());
        write(line);
        window.clear();
    }

    private void evaluate(TrainState state) {
        Workload w = state.workload();
        w.groups().forEach(g -> g.module().eval());
        try {
            lastEvaluation = w.evaluate(state.step());
        } finally {
            w.groups().forEach(g -> g.module().train());
        }
        Map<String, Object> line = line(state, lastEvaluation.split());
        putFinite(line, lastEvaluation.values());
        write(line);
    }

    // values in key order, finite ones only (JSON has no NaN)
    private static void putFinite(Map<String, Object> line, Map<String, Double> values) {
        for (String key : new TreeSet<>(values.keySet())) {
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
        if (log != null) {
            log.accept(line);
        }
    }

    /** nnz over dense size across every group's sparse layers; 1 when there are none. */
    static double density(Workload workload) {
        long nnz = 0;
        long size = 0;
        for (ParamGroup g : workload.groups()) {
            for (var l : g.sparseLayers()) {
                nnz += l.weight().pattern().nnz();
                size += (long) l.out() * l.in();
            }
        }
        return size == 0 ? 1 : (double) nnz / size;
    }

    @Override
    public void save(Checkpoint.Builder c) {
        c.putText(PREFIX + "window", window.encode());
        c.putText(PREFIX + "elapsed", Double.toString(elapsedSeconds()));
    }

    @Override
    public void restore(Checkpoint c) {
        window.decode(c.text(PREFIX + "window"));
        elapsedBefore = Double.parseDouble(c.text(PREFIX + "elapsed"));
    }

    /** Sums over the steps since the last training line. */
    private static final class Window {
        private double lossSum;
        private long samples;
        private long steps;
        private final Map<String, Double> weightedSums = new LinkedHashMap<>();

        void add(StepResult r) {
            lossSum += r.loss();
            samples += r.samples();
            steps++;
            r.metrics().forEach((k, v) -> weightedSums.merge(k, v * r.samples(), Double::sum));
        }

        double meanLoss() {
            return steps == 0 ? Double.NaN : lossSum / steps;
        }

        Map<String, Double> means() {
            Map<String, Double> out = new LinkedHashMap<>();
            weightedSums.forEach((k, v) -> out.put(k, samples == 0 ? Double.NaN : v / samples));
            return out;
        }

        void clear() {
            lossSum = 0;
            samples = 0;
            steps = 0;
            weightedSums.clear();
        }

        // "lossSum samples steps key=sum key=sum ...", doubles in their exact decimal form
        String encode() {
            StringBuilder b = new StringBuilder().append(lossSum).append(' ').append(samples).append(' ').append(steps);
            weightedSums.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            return b.toString();
        }

        void decode(String text) {
            String[] f = text.trim().split(" ");
            clear();
            lossSum = Double.parseDouble(f[0]);
            samples = Long.parseLong(f[1]);
            steps = Long.parseLong(f[2]);
            for (int i = 3; i < f.length; i++) {
                int eq = f[i].indexOf('=');
                weightedSums.put(f[i].substring(0, eq), Double.parseDouble(f[i].substring(eq + 1)));
            }
        }
    }
}
