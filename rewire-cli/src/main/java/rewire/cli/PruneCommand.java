package rewire.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rewire.kernel.Kernels;
import rewire.prune.Dsnot;
import rewire.prune.PruneMethod;
import rewire.prune.ScoreCriterion;
import rewire.prune.SparsityTarget;

/**
 * {@code rewire prune RUN --method M --sparsity S [--nm N:M] [--calibration N]}: one-shot pruning of
 * a trained GPT run into a new run folder whose layers are CSR at the target density (see
 * {@link Pruning}).
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Prune a trained GPT run in one shot and write the pruned model as a new run folder: every "
                + "linear layer of the blocks becomes CSR at the target density (N:M as CSR with exactly N per "
                + "group of M), dense layers of the run included. The folder holds a checkpoint at step 0; rewire "
                + "eval and sample read it, rewire resume fine-tunes it with the mask fixed (the sparsity section "
                + "becomes recipe static), rewire report shows it. prune.json records perplexity before and after, "
                + "each layer's density and the time pruning took.",
            "Methods: magnitude, wanda, ria, sparsegpt, moe-pruner (experts scored with their router gates).",
            "Examples:",
            "  rewire prune runs/gpt-shakespeare-... --method wanda --sparsity 0.5",
            "  rewire prune runs/gpt-moe-... --method moe-pruner --nm 2:4 --calibration 64",
            "  rewire prune RUN --method sparsegpt --sparsity 0.6 train.epochs=2 optim.lr=1e-4"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pruned", "2:not a GPT run folder, no checkpoint, or a bad option"})
final class PruneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The trained run folder.")
    Path run;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*",
            description = "Overrides of the pruned run's configuration, for its fine-tuning (default: one epoch with "
                    + "the trained run's optimizer), such as train.epochs=2 optim.lr=1e-4 name=mine.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--method", required = true, description = "magnitude, wanda, ria, sparsegpt or moe-pruner.")
    String method;

    @Option(names = "--sparsity", defaultValue = "0.5",
            description = "Fraction of each layer's weights removed, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double sparsity;

    @Option(names = "--nm", description = "N:M instead: N weights kept in every M consecutive inputs (2:4, 4:8).")
    String nm;

    @Option(names = "--calibration", defaultValue = "128",
            description = "Calibration sequences of the training text (default: ${DEFAULT-VALUE}).")
    int calibration;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of the calibration draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dsnot", description = "Refine the mask with DSnoT (training-free swaps; score methods only).")
    boolean dsnot;

    @Option(names = "--no-recompute", description = "Calibrate every block on the dense model's outputs, in one pass, "
            + "instead of on the pruned blocks before it (METHODS.md H.1 recomputeAfterPrune).")
    boolean noRecompute;

    @Option(names = "--best", description = "Prune checkpoints/best.ckpt instead of the last one.")
    boolean best;

    @Override
    public Integer call() throws Exception {
        SparsityTarget target = nm != null ? SparsityTarget.parseNOfM(nm) : unstructured();
        Pruning.Request request = new Pruning.Request(method(), target, calibration, !noRecompute, seed, overrides);
        Kernels kernels = Kernels.defaults();
        Pruning.Outcome outcome = Pruning.run(LoadedRun.open(run, best, "prune", kernels), request, kernels);
        outcome.lines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private SparsityTarget unstructured() {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("--sparsity must be in [0, 1), got " + sparsity);
        }
        return SparsityTarget.unstructured(sparsity);
    }

    // the method, DSnoT over a score criterion when asked
    private PruneMethod method() {
        PruneMethod m = PruneMethod.named(method);
        if (!dsnot) {
            return m;
        }
        for (ScoreCriterion c : ScoreCriterion.values()) {
            if (c == m) {
                return Dsnot.over(c);
            }
        }
        throw new IllegalArgumentException("--dsnot refines the mask of a score method (magnitude, wanda, ria, "
                + "moe-pruner); " + method + " updates the weights it keeps");
    }
}
