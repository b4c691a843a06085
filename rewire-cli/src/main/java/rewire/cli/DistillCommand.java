package rewire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.io.Json;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.prune.WeightTransfer;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.train.ParamGroup;

/**
 * {@code rewire distill PRUNED_RUN [--teacher RUN] [key=value ...]}: expert-wise knowledge
 * distillation of a pruned GPT from its unpruned model (METHODS.md H.2), as a new run.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = {"Fine-tune a pruned GPT run with expert-wise knowledge distillation (MoE-Pruner, METHODS.md H.2):"
                + " the loss is the cross-entropy plus lambda times the summed mean squared error between each expert's"
                + " output and the frozen teacher's same expert on the same tokens, lambda set at the first step so the"
                + " two terms start equal; the mask stays fixed. The teacher is the run the pruned one came from"
                + " (its prune.json names it) unless --teacher names another. Writes a new run folder; the"
                + " configuration is the pruned run's (one epoch) with distill.teacher set, then the overrides.",
            "Example:", "  rewire distill runs/gpt-moe-moe-pruner-s50-... train.epochs=3 optim.lr=2e-4"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained", "1:training failed", "2:not a GPT run, no teacher, or a bad override",
            "130:stopped by a signal after writing a checkpoint"})
final class DistillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRUNED_RUN", description = "The pruned run folder (rewire prune writes one).")
    Path run;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*",
            description = "Overrides of the distillation run's configuration, such as train.epochs=3 distill.lambda=1.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--teacher", paramLabel = "RUN", description = "The teacher's run folder (default: the pruned run's "
            + "source, from its prune.json).")
    Path teacher;

    @Override
    public Integer call() throws Exception {
        Kernels kernels = Kernels.defaults();
        LoadedRun pruned = LoadedRun.open(run, false, "distill", kernels);
        pruned.gpt("distill");
        List<String> all = new ArrayList<>(List.of("name=" + pruned.spec().name() + "-distill",
                "distill.teacher=" + teacher(pruned).toAbsolutePath()));
        all.addAll(overrides);
        RunSpec distill = RunSpecs.fromFile(pruned.folder().path(RunFolder.CONFIG_YAML), all, kernels);
        List<Param> trained = distill.workload().groups().stream().filter(g -> !g.frozen())
                .flatMap((ParamGroup g) -> g.params().stream()).toList();
        WeightTransfer.copy(pruned.spec().workload().params(), Map.of(), trained);
        return new RunConsole(spec.commandLine().getOut()).trainToEnd(distill, kernels,
                progress -> TrainingRun.start(distill, kernels, progress));
    }

    // --teacher, or the source that the pruned run's prune.json names
    private Path teacher(LoadedRun pruned) throws IOException {
        if (teacher != null) {
            return teacher;
        }
        Path record = pruned.folder().path(Pruning.RECORD);
        if (!Files.isRegularFile(record)) {
            throw new IllegalArgumentException(pruned.folder().dir() + " has no " + Pruning.RECORD + " naming the model it "
                    + "was pruned from: name the teacher with --teacher RUN");
        }
        return Path.of(Json.read(record, PruneRecord.class).source());
    }
}
