package rewire.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.kernel.Kernels;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;

/** {@code rewire resume RUN}: continues an interrupted run from its last checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a run from its last checkpoint (checkpoints/last.ckpt) with the configuration in "
                + "its config.yaml. The resumed run ends with the same weights and metrics as one never interrupted.",
            "Overrides that leave what the run computes unchanged are accepted: train.epochs (the schedules keep "
                + "their original plan), train.logEvery, train.evalEvery, train.checkpointEvery, "
                + "train.keepCheckpoints. Anything else is refused with the reason.",
            "Example:", "  rewire resume runs/rigl-mlp-20261122-154000 train.epochs=6"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained to the end", "1:training failed", "2:not a run folder, no checkpoint, or a "
            + "refused override", "130:stopped by a signal after writing a checkpoint"})
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run folder, for example runs/rigl-mlp-20261122-154000.")
    Path run;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*",
            description = "Overrides a resume may apply, such as train.epochs=6.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(run);
        Kernels kernels = Kernels.defaults();
        RunSpec runSpec = RunSpecs.forResume(folder, overrides, kernels);
        return new RunConsole(spec.commandLine().getOut()).trainToEnd(runSpec, kernels,
                progress -> TrainingRun.resume(folder, runSpec, kernels, progress));
    }
}
