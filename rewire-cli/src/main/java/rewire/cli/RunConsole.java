package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import rewire.cli.progress.ProgressBar;
import rewire.cli.progress.ProgressState;
import rewire.cli.report.Formats;
import rewire.cli.report.ReportBuilder;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.run.RunSpec;
import rewire.run.RunSummary;
import rewire.run.TrainingRun;
import rewire.train.ParamGroup;
import rewire.train.Progress;
import rewire.train.Score;

/**
 * Runs a {@link TrainingRun} in the terminal: a header, the progress bar, the summary and the
 * report. Ctrl-C or SIGTERM stops the run cleanly: the step in flight finishes, a checkpoint is
 * written, run.json says "stopped", and the console prints the command that resumes it.
 */
final class RunConsole {
    /** The exit code of a run stopped by a signal (128 + SIGINT, as a shell reports it). */
    static final int STOPPED = 130;
    /** How long a signal waits for the run to write its checkpoint and report before the JVM exits. */
    private static final long STOP_GRACE_SECONDS = 120;

    private final PrintWriter out;

    RunConsole(PrintWriter out) {
        this.out = out;
    }

    /** How a command opens its run (a new one, or one resumed), given the feed of its progress. */
    interface Opening {
        TrainingRun open(Consumer<Progress> progress) throws IOException;
    }

    /**
     * Opens the run with a progress bar, prints the header and trains it ({@link #train}); the
     * command's exit code: 0, or {@link #STOPPED} when a signal stopped the run.
     */
    int trainToEnd(RunSpec spec, Kernels kernels, Opening opening) throws IOException {
        ProgressBar bar = bar();
        TrainingRun training = opening.open(feed(bar));
        header(spec, training, kernels);
        return train(training, bar).stopped() ? STOPPED : 0;
    }

    /** Prints what is about to train. */
    void header(RunSpec spec, TrainingRun run, Kernels kernels) {
        Kernels.Info k = kernels.info();
        out.printf("Run        %s%n", run.folder().dir());
        out.printf("Workload   %s, %d epochs of %d steps%n", spec.workload().name(), spec.loop().epochs(),
                spec.workload().stepsPerEpoch());
        for (ParamGroup g : spec.workload().groups()) {
            out.printf("Group      %s: %s%n", g.name(), g.recipe() == null ? "dense"
                    : g.recipe().name() + " (" + g.recipe().paper() + ")");
            layerLines(g.sparseLayers()).forEach(out::println);
        }
        out.printf("Kernels    %s, vector width %d, BLAS %s, %d threads%n", k.provider(), k.vectorWidth(),
                k.blas().startsWith("openblas") ? "openblas" : "none", k.threads());
        for (String warning : spec.warnings()) {
            out.printf("Warning    %s%n", warning);
        }
        if (run.startStep() > 0) {
            out.printf("Resuming   from step %d%n", run.startStep());
        }
        out.flush();
    }

    /**
     * Trains with a progress bar, then prints the summary and writes the report; a signal stops
     * the run at the next step boundary and the console says how to resume it.
     */
    TrainingRun.Outcome train(TrainingRun run, ProgressBar bar) throws IOException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            run.requestStop();
            try {
                finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rewire-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            TrainingRun.Outcome outcome;
            try {
                outcome = run.run();
            } finally {
                bar.finish();
            }
            summary(run.spec().workload().scores(), outcome.summary());
            if (outcome.stopped()) {
                // the JVM may be shutting down (a signal): no plotting now, it would start AWT
                out.printf("Stopped    at step %d of %d; checkpoint written. Resume with:%n  rewire resume %s%n"
                        + "Report     rewire report %s builds it%n", outcome.step(), run.spec().totalSteps(),
                        run.folder().dir(), run.folder().dir());
            } else {
                out.printf("Report     %s%n", ReportBuilder.build(run.folder().dir()));
            }
            out.flush();
            return outcome;
        } finally {
            finished.countDown();
            removeHook(onSignal);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (the signal came): the hook is running and will end
        }
    }

    /** Prints what the run achieved and cost: each score as the workload names it, size, compute, time. */
    void summary(List<Score> scores, RunSummary s) {
        summaryLines(scores, s).forEach(out::println);
    }

    /** The summary as a two-column table, values aligned after the longest label. */
    static List<String> summaryLines(List<Score> scores, RunSummary s) {
        List<List<String>> rows = new ArrayList<>();
        for (Score score : scores) {
            rows.add(List.of(capitalized(score.label()), score.format(s.value(score.key()))));
        }
        rows.add(List.of("Parameters", String.format(Locale.ROOT, "%,d stored of %,d dense (density %.4f)", s.nnz(),
                s.parameters(), s.density())));
        rows.add(List.of("Training FLOPs", String.format(Locale.ROOT, "%.3g (%.3f x dense)", s.trainingFlops(),
                s.trainingFlopsRatio())));
        rows.add(List.of("Inference FLOPs", String.format(Locale.ROOT, "%.3g per example (%.3f x dense)",
                s.inferenceFlops(), s.inferenceFlopsRatio())));
        rows.add(List.of("Wall clock", String.format(Locale.ROOT, "%s, %,.0f %s/s, peak heap %.0f MB",
                Formats.seconds(s.wallClockSeconds()), s.samplesPerSecond(), s.sampleUnit(), s.peakHeapBytes() / 1e6)));
        return TextColumns.lines("", rows);
    }

    /** A group's sparse layers as a table under a header row: name, outputs, inputs, nnz, density, storage. */
    static List<String> layerLines(List<SparseLinear> layers) {
        if (layers.isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("layer", "out", "in", "nnz", "density", "storage"));
        for (SparseLinear l : layers) {
            rows.add(List.of(l.weight().name(), Integer.toString(l.out()), Integer.toString(l.in()),
                    String.format(Locale.ROOT, "%,d", l.weight().pattern().nnz()),
                    String.format(Locale.ROOT, "%.4f", l.weight().pattern().density()), l.representation().name()));
        }
        TextColumns columns = TextColumns.fit(rows, List.of(false, true, true, true, true, false), 0);
        return rows.stream().map(row -> columns.line("  ", row)).toList();
    }

    static String capitalized(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** A progress bar fed from the trainer's snapshots. */
    private static ProgressBar bar() {
        return ProgressBar.builder().build();
    }

    private static Consumer<Progress> feed(ProgressBar bar) {
        return p -> bar.update(ProgressState.from(p));
    }
}
