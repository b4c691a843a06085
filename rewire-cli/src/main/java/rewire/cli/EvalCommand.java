package rewire.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.train.Evaluation;
import rewire.train.RunFolder;
import rewire.train.RunSpec;
import rewire.train.TrainCheckpoint;

/** {@code rewire eval RUN}: evaluates the last checkpoint of a run on its test split. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a run's last checkpoint on the held-out split and print its loss and score (accuracy, win rate).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "2:not a run folder, no checkpoint, or a corrupt checkpoint"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "The run folder.")
    Path run;

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(run);
        Kernels kernels = Kernels.defaults();
        RunSpec runSpec = RunSpecs.fromFolder(folder, kernels);
        long step = TrainCheckpoint.restore(LastCheckpoint.of(folder, "evaluate"), runSpec.workload(), new Slots(),
                List.of());
        runSpec.workload().model().eval();
        Evaluation e = runSpec.workload().evaluate();
        spec.commandLine().getOut().printf("%s after step %d: %s loss %.4f, %s %.2f%% (%d examples)%n",
                folder.dir(), step, e.split(), e.loss(), runSpec.workload().scoreLabel(), 100 * e.accuracy(),
                e.samples());
        return 0;
    }
}
