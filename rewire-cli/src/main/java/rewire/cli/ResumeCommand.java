package rewire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.cli.progress.ProgressBar;
import rewire.kernel.Kernels;
import rewire.train.RunFolder;
import rewire.train.RunSpec;
import rewire.train.TrainingRun;

/** {@code rewire resume RUN}: continues an interrupted run from its last checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a run from its last checkpoint (checkpoints/last.ckpt) with the configuration in "
                + "its config.yaml. The resumed run ends with the same weights and metrics as one never interrupted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained to the end", "1:training failed", "2:not a run folder, or no checkpoint"})
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "The run folder, for example runs/rigl-mlp-20261122-154000.")
    Path run;

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(run);
        Kernels kernels = Kernels.defaults();
        RunSpec runSpec = RunSpecs.fromFolder(folder, kernels);
        ProgressBar bar = RunConsole.bar();
        TrainingRun training = TrainingRun.resume(folder, runSpec, kernels, RunConsole.feed(bar));
        RunConsole console = new RunConsole(spec.commandLine().getOut());
        console.header(runSpec, training, kernels);
        console.train(training, bar);
        return 0;
    }
}
