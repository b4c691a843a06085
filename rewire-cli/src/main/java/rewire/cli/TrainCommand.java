package rewire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.io.SparseImport;
import rewire.io.TorchSafetensors;
import rewire.kernel.Kernels;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.train.Exportable;

/** {@code rewire train [CONFIG] [key=value ...]}: trains a sparse (or dense) network and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network with dynamic sparse training and write a run folder (run.json, metrics, "
                + "rewire reports, checkpoints, plots, report.html).",
            "With no arguments: MLP 784-1000-1000-1000-10 on Fashion-MNIST, RigL at 90%% sparsity (ERK), 3 epochs.",
            "Examples:",
            "  rewire train",
            "  rewire train examples/mlp-set.yaml train.epochs=10",
            "  rewire train sparsity.recipe=set sparsity.density=0.05 optim.lr=0.02",
            "  rewire train examples/mlp-rigl.yaml --init-weights dense-mlp.safetensors"},
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

    @Option(names = "--init-weights", paramLabel = "FILE",
            description = "Start from the weights of a safetensors file under PyTorch's names (rewire export "
                    + "--format safetensors, or a PyTorch state dict; docs/export.md): every parameter of the "
                    + "model, F32, of its shape.")
    Path initWeights;

    @Option(names = "--init-sparse", defaultValue = "magnitude", paramLabel = "magnitude|pattern",
            description = "How a sparse layer takes the imported dense weights: the largest by magnitude at its "
                    + "density (default), or at its initial pattern.")
    String initSparse;

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
        SparseImport sparseImport = sparseImport();
        RunSpec run = RunSpecs.fromFile(file, overrides, kernels);
        if (initWeights != null) {
            Exportable model = ExportCommand.exportable(run.workload(), "the configuration", "weight import");
            TorchSafetensors.read(initWeights, model.torchLayout(0), sparseImport);
            spec.commandLine().getOut().printf("Weights    %s (sparse layers: %s)%n", initWeights,
                    initSparse.toLowerCase(Locale.ROOT));
        }
        return new RunConsole(spec.commandLine().getOut()).trainToEnd(run, kernels,
                progress -> TrainingRun.start(run, kernels, progress));
    }

    private SparseImport sparseImport() {
        try {
            return SparseImport.valueOf(initSparse.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--init-sparse must be magnitude or pattern, got '" + initSparse + "'");
        }
    }
}
