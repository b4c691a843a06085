package rewire.cli;

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
import rewire.kernel.Kernels;

/** {@code rewire soup PRUNED_RUN [--ingredients M] [--then S,...] [key=value ...]}: sparse model soups (see {@link Soup}). */
@Command(name = "soup", mixinStandardHelpOptions = true,
        description = {"Sparse model soups (Zimmer et al., ICLR 2024): fine-tune M copies of a pruned GPT run with the "
                + "mask fixed and different seeds (data orders), each as its own run folder, and average them into a "
                + "soup that keeps the mask, written as a run folder at step 0 (rewire eval, resume and report read it)"
                + " with soup.json. Each sparsity of --then is a further phase: the last soup pruned by magnitude to "
                + "it, then M new ingredients and their soup. Prints every ingredient and soup.",
            "Example:", "  rewire soup runs/gpt-shakespeare-wanda-s50-... --ingredients 3 --then 0.6 train.epochs=1"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:cooked", "1:an ingredient's training failed", "2:not a GPT run or a bad option"})
final class SoupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRUNED_RUN", description = "The pruned run folder (rewire prune writes one).")
    Path run;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*",
            description = "Overrides of every ingredient's fine-tuning, such as train.epochs=2 optim.lr=3e-4.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--ingredients", defaultValue = "3", description = "Models per soup (default: ${DEFAULT-VALUE}).")
    int ingredients;

    @Option(names = "--then", split = ",", paramLabel = "SPARSITY",
            description = "Sparsities of further phases, each pruned by magnitude from the last soup, e.g. 0.6,0.7.")
    List<Double> then = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (ingredients < 1) {
            throw new IllegalArgumentException("--ingredients must be >= 1, got " + ingredients);
        }
        for (double s : then) {
            if (!(s > 0 && s < 1)) {
                throw new IllegalArgumentException("--then sparsities must be in (0, 1), got " + s);
            }
        }
        Kernels kernels = Kernels.defaults();
        List<Soup.Phase> phases = Soup.cook(LoadedRun.open(run, false, "cook a soup from", kernels), ingredients, then,
                overrides, kernels);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("phase", "sparsity", "model", "seed", "val loss", "perplexity", "folder"));
        for (int p = 0; p < phases.size(); p++) {
            Soup.Phase phase = phases.get(p);
            String n = Integer.toString(p + 1);
            rows.add(row(n, phase.sparsity(), "start", "", phase.start(), ""));
            for (int i = 0; i < phase.ingredients().size(); i++) {
                Soup.Ingredient g = phase.ingredients().get(i);
                rows.add(row(n, phase.sparsity(), "ingredient " + i, Long.toString(g.seed()), g.quality(), g.folder()));
            }
            rows.add(row(n, phase.sparsity(), "soup", "", phase.soup().quality(), phase.soup().folder()));
        }
        TextColumns columns = TextColumns.fit(rows, List.of(true, false, false, true, true, true, false), 0);
        rows.forEach(r -> spec.commandLine().getOut().println(columns.line("  ", r)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static List<String> row(String phase, String sparsity, String model, String seed, Pruning.Quality q,
                                    String folder) {
        return List.of(phase, sparsity, model, seed, String.format(Locale.ROOT, "%.4f", q.loss()),
                String.format(Locale.ROOT, "%.3f", q.perplexity()), folder);
    }
}
