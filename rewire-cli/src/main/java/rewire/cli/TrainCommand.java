package rewire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.cli.progress.ProgressBar;
import rewire.kernel.Kernels;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;

/** {@code rewire train [CONFIG] [key=value ...]}: trains a sparse (or dense) network and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network with dynamic sparse training and write a run folder (run.json, metrics, "
                + "rewire reports, checkpoints, plots, report.html).",
            "With no arguments: MLP 784-1000-1000-1000-10 on Fashion-MNIST, RigL at 90%% sparsity (ERK), 3 epochs.",
            "Examples:",
            "  rewire train",
            "  rewire train examples/mlp-set.yaml train.epochs=10",
            "  rewire train sparsity.recipe=set sparsity.density=0.05 optim.lr=0.02"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained", "1:training failed (the run folder says why)", "2:bad configuration or data",
            "130:stopped by a signal (Ctrl-C, SIGTERM) after writing a checkpoint; rewire resume continues it"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CONFIG_OR_KEY=VALUE", arity = "0..*",
            description = "An optional configuration file (.yaml, .yml or .properties), then key=value overrides "
                    + "with dotted keys, such as optim.lr=0.05.")
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path file = null;
        List<String> overrides = new ArrayList<>(arguments);
        if (!overrides.isEmpty() && !overrides.get(0).contains("=")) {
            file = Path.of(overrides.remove(0));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("configuration file " + file + " does not exist");
            }
        }
        Kernels kernels = Kernels.defaults();
        RunSpec run = RunSpecs.fromFile(file, overrides, kernels);
        ProgressBar bar = RunConsole.bar();
        TrainingRun training = TrainingRun.start(run, kernels, RunConsole.feed(bar));
        RunConsole console = new RunConsole(spec.commandLine().getOut());
        console.header(run, training, kernels);
        return console.train(training, bar).stopped() ? RunConsole.STOPPED : 0;
    }
}
