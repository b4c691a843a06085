package rewire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.io.TorchLayout;
import rewire.io.TorchSafetensors;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.run.RunCheckpoint;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.train.Exportable;
import rewire.train.Workload;

/**
 * {@code rewire export RUN --format safetensors|onnx}: a run's model for other frameworks
 * (docs/export.md): its weights under PyTorch's names, or its inference graph as ONNX, from the
 * last, best or a given step's checkpoint, with an optional reference batch to check a loader with.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a run's model: its weights as safetensors under the names of the equivalent PyTorch "
                + "module (sparse weights dense and also as CSR triplets), or its inference graph as ONNX (opset 17).",
            "Examples:",
            "  rewire export runs/mlp-... --format safetensors",
            "  rewire export runs/gpt-... --format onnx --checkpoint best --out gpt.onnx",
            "  rewire export runs/gpt-... --format safetensors --reference gpt-reference.safetensors"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported",
            "2:not a run folder, no such checkpoint, a model that cannot be exported, or a bad option"})
final class ExportCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("safetensors", "onnx");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "The run folder.")
    Path run;

    @Option(names = "--format", required = true, paramLabel = "safetensors|onnx",
            description = "safetensors: the weights; onnx: the inference graph with the weights as initializers.")
    String format;

    @Option(names = "--checkpoint", defaultValue = "last", paramLabel = "best|last|STEP",
            description = "Which checkpoint: the last (default), the best by the primary score, or a step's.")
    String checkpoint;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The file to write (default: RUN/exports/step-N.safetensors or .onnx).")
    Path out;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "Also write held-out inputs and the model's logits on them (safetensors: input, output).")
    Path reference;

    @Option(names = "--examples", defaultValue = "8",
            description = "Inputs in the reference batch (default: ${DEFAULT-VALUE}; at most one evaluation batch).")
    int examples;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        RunFolder folder = RunFolder.open(run);
        RunSpec runSpec = RunSpecs.fromFolder(folder, Kernels.defaults());
        Exportable model = exportable(runSpec.workload(), folder, "export");
        long step = RunCheckpoint.restore(checkpointFile(folder), runSpec.workload(), new Slots(), List.of());
        runSpec.workload().groups().forEach(g -> g.module().eval());
        Path file = out != null ? out : folder.dir().resolve("exports").resolve("step-" + step + "." + format);
        Files.createDirectories(file.toAbsolutePath().getParent());
        PrintWriter console = spec.commandLine().getOut();
        if (format.equals("onnx")) {
            model.onnxGraph(step).write(file);
            console.printf("Wrote %s: the inference graph after step %d (ONNX, opset 17)%n", file, step);
        } else {
            TorchLayout layout = model.torchLayout(step);
            TorchSafetensors.write(file, layout);
            console.printf("Wrote %s: %d parameters after step %d under PyTorch's names (safetensors)%n", file,
                    layout.entries().size(), step);
        }
        if (reference != null) {
            model.reference(examples, step).write(reference, Map.of("rewire.run", folder.dir().toString(),
                    "rewire.step", Long.toString(step)));
            console.printf("Wrote %s: held-out inputs and the model's logits%n", reference);
        }
        console.flush();
        return 0;
    }

    /** The workload as an {@link Exportable}, or an error saying which runs can be {@code what}ed. */
    static Exportable exportable(Workload workload, Object source, String what) {
        if (workload instanceof Exportable e) {
            return e;
        }
        throw new IllegalArgumentException(source + " is a " + workload.name() + " run, which has no " + what
                + ": classification (MLP, CNN) and GPT runs have");
    }

    private Path checkpointFile(RunFolder folder) throws IOException {
        if (checkpoint.equals("last") || checkpoint.equals("best")) {
            return LastCheckpoint.of(folder, checkpoint.equals("best"), "export");
        }
        long step;
        try {
            step = Long.parseLong(checkpoint);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--checkpoint must be best, last or a step number, got '" + checkpoint
                    + "'");
        }
        Path file = folder.checkpoint(step);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(folder.dir() + " has no checkpoint of step " + step + "; it keeps those "
                    + "of steps " + folder.stepCheckpoints().stream().map(p -> p.getFileName().toString()
                    .replaceAll("\\D", "")).toList() + " (and last, best)");
        }
        return file;
    }

    // option values named as the user typed them, before the run is loaded
    private void checkOptions() {
        format = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("--format must be one of " + FORMATS + ", got '" + format + "'");
        }
        if (examples < 1) {
            throw new IllegalArgumentException("--examples must be >= 1, got " + examples);
        }
    }
}
