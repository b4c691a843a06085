package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import rewire.cli.progress.ProgressBar;
import rewire.cli.progress.ProgressState;
import rewire.cli.report.ReportBuilder;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.train.NonFiniteLossException;
import rewire.train.Progress;
import rewire.train.RunSpec;
import rewire.train.RunSummary;
import rewire.train.TrainingRun;

/** Runs a {@link TrainingRun} in the terminal: a header, the progress bar, the summary and the report. */
final class RunConsole {
    private final PrintWriter out;
    private String scoreLabel = "Test accuracy";

    RunConsole(PrintWriter out) {
        this.out = out;
    }

    /** Prints what is about to train. */
    void header(RunSpec spec, TrainingRun run, Kernels kernels) {
        Kernels.Info k = kernels.info();
        String label = spec.workload().scoreLabel();
        scoreLabel = Character.toUpperCase(label.charAt(0)) + label.substring(1);
        out.printf("Run        %s%n", run.folder().dir());
        out.printf("Workload   %s, %d epochs of %d steps (batch %d)%n", spec.workload().name(), spec.loop().epochs(),
                spec.workload().stepsPerEpoch(), spec.workload().batchSize());
        out.printf("Recipe     %s%n", spec.recipe() == null ? "dense" : spec.recipe().name() + " (" + spec.recipe().paper() + ")");
        for (SparseLinear l : spec.workload().sparseLayers()) {
            out.printf("  %-12s %5d x %-5d  nnz %9d  density %.4f  %s%n", l.weight().name(), l.out(), l.in(),
                    l.weight().pattern().nnz(), l.weight().pattern().density(), l.representation());
        }
        out.printf("Kernels    %s, vector width %d, BLAS %s, %d threads%n", k.provider(), k.vectorWidth(),
                k.blas().startsWith("openblas") ? "openblas" : "none", k.threads());
        if (run.startStep() > 0) {
            out.printf("Resuming   from step %d%n", run.startStep());
        }
        out.flush();
    }

    /** Trains with a progress bar, then prints the summary and writes the report. */
    RunSummary train(TrainingRun run, ProgressBar bar) throws IOException {
        RunSummary s;
        try {
            s = run.run();
        } catch (NonFiniteLossException e) {
            bar.finish();
            checkpointAfterFailure(run);
            throw e;
        } finally {
            bar.finish();
        }
        summary(s);
        Path report = ReportBuilder.build(run.folder().dir());
        out.printf("Report     %s%n", report);
        out.flush();
        return s;
    }

    // whether a failed run left a checkpoint behind: none when it failed before its first one
    private void checkpointAfterFailure(TrainingRun run) {
        Path last = run.folder().lastCheckpoint();
        out.printf(Files.isRegularFile(last) ? "Checkpoint %s (the last one before the failure) is kept%n"
                : "Checkpoint none: the run failed before its first one, so no checkpoint was written yet%n", last);
        out.flush();
    }

    void summary(RunSummary s) {
        out.printf("%-15s %.2f%%", scoreLabel, 100 * s.testAccuracy());
        out.printf(Double.isFinite(s.testLoss()) ? " (loss %.4f)%n" : "%n", s.testLoss());
        out.printf("Parameters      %,d stored of %,d dense (density %.4f)%n", s.nnz(), s.parameters(), s.density());
        out.printf("Training FLOPs  %.3g (%.3f x dense)%n", s.trainingFlops(), s.trainingFlopsRatio());
        out.printf("Inference FLOPs %.3g per example (%.3f x dense)%n", s.inferenceFlops(), s.inferenceFlopsRatio());
        out.printf("Wall clock      %.1f s, %.0f samples/s, peak heap %.0f MB%n", s.wallClockSeconds(),
                s.samplesPerSecond(), s.peakHeapBytes() / 1e6);
    }

    /** A progress bar fed from the trainer's snapshots. */
    static ProgressBar bar() {
        return ProgressBar.builder().build();
    }

    static Consumer<Progress> feed(ProgressBar bar) {
        return p -> bar.update(ProgressState.from(p));
    }
}
