package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import rewire.cli.progress.ProgressBar;
import rewire.cli.progress.ProgressState;
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

    /** Prints what is about to train. */
    void header(RunSpec spec, TrainingRun run, Kernels kernels) {
        Kernels.Info k = kernels.info();
        out.printf("Run        %s%n", run.folder().dir());
        out.printf("Workload   %s, %d epochs of %d steps%n", spec.workload().name(), spec.loop().epochs(),
                spec.workload().stepsPerEpoch());
        for (ParamGroup g : spec.workload().groups()) {
            out.printf("Group      %s: %s%n", g.name(), g.recipe() == null ? "dense"
                    : g.recipe().name() + " (" + g.recipe().paper() + ")");
            for (SparseLinear l : g.sparseLayers()) {
                out.printf("  %-16s %5d x %-5d  nnz %9d  density %.4f  %s%n", l.weight().name(), l.out(), l.in(),
                        l.weight().pattern().nnz(), l.weight().pattern().density(), l.representation());
            }
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
            summary(run.spec(), outcome.summary());
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

    void summary(RunSpec spec, RunSummary s) {
        for (Score score : spec.workload().scores()) {
            out.printf("%-16s%s%n", capitalized(score.label()), score.format(s.value(score.key())));
        }
        out.printf("Parameters      %,d stored of %,d dense (density %.4f)%n", s.nnz(), s.parameters(), s.density());
        out.printf("Training FLOPs  %.3g (%.3f x dense)%n", s.trainingFlops(), s.trainingFlopsRatio());
        out.printf("Inference FLOPs %.3g per example (%.3f x dense)%n", s.inferenceFlops(), s.inferenceFlopsRatio());
        out.printf("Wall clock      %.1f s, %,.0f %s/s, peak heap %.0f MB%n", s.wallClockSeconds(),
                s.samplesPerSecond(), s.sampleUnit(), s.peakHeapBytes() / 1e6);
    }

    static String capitalized(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** A progress bar fed from the trainer's snapshots. */
    static ProgressBar bar() {
        return ProgressBar.builder().build();
    }

    static Consumer<Progress> feed(ProgressBar bar) {
        return p -> bar.update(ProgressState.from(p));
    }
}
